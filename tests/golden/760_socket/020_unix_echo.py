# An echo server in a thread over an AF_UNIX stream socket: accept() returns a new socket
# and the client's address, recv() returns b'' when the peer has closed, and the server
# thread waits in accept()/recv() with the GIL released while the main thread works.
import os
import socket
import threading

path = "/tmp/gilpy-760-020-%d.sock" % os.getpid()
server_log = []     # printed by the main thread at the end (prints of two threads interleave)


def serve(server, clients):
    for _ in range(clients):
        conn, addr = server.accept()
        with conn:
            server_log.append("accepted %r %s" % (addr, conn.getsockname() == path))
            while True:
                data = conn.recv(4096)
                if not data:
                    break
                conn.sendall(data.upper())
    server_log.append("done")


server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
server.bind(path)
server.listen()
print(server.getsockname() == path, os.path.exists(path))
t = threading.Thread(target=serve, args=(server, 2))
t.start()

with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as c:
    c.connect(path)
    print(c.getpeername() == path, repr(c.getsockname()))
    for word in (b"hello", b"gil", b"sockets"):
        c.sendall(word)
        print(c.recv(100))

# A big message both ways: a reader thread drains the replies while this thread sends.
big = bytes(range(256)) * 4096
received = []


def drain(sock, n):
    parts = []
    while n > 0:
        part = sock.recv(65536)
        parts.append(part)
        n -= len(part)
    received.append(b"".join(parts))


c = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
c.connect(path)
r = threading.Thread(target=drain, args=(c, len(big)))
r.start()
c.sendall(big)
r.join()
print(len(received[0]), received[0] == big.upper())
c.shutdown(socket.SHUT_WR)
tail = c.recv(10)      # the server closes its end once it has seen ours
c.close()
t.join()
print(tail)
print("server:", server_log)
server.close()

# The socket file stays after close(): binding again fails, connecting is refused.
print(os.path.exists(path))
s = socket.socket(socket.AF_UNIX)
try:
    s.bind(path)
except OSError as e:
    print(type(e).__name__, e)
try:
    s.connect(path)
except ConnectionRefusedError as e:
    print(type(e).__name__, e, e.errno)
os.unlink(path)
try:
    s.connect(path)
except FileNotFoundError as e:
    print(type(e).__name__, e)
print(s.connect_ex(path))
s.close()
