# A TCP echo server on 127.0.0.1, port 0 (the system picks a free port), serving each client
# in a thread of its own; three clients talk to it at once.
import socket
import threading

server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
print(server.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR) != 0)
server.bind(("127.0.0.1", 0))
server.listen(5)
host, port = server.getsockname()
print(host, 0 < port < 65536)


def handle(conn):
    with conn:
        while True:
            data = conn.recv(1024)
            if not data:
                return
            conn.sendall(b"echo:" + data)


def accept_loop(n):
    handlers = []
    for _ in range(n):
        conn, (peer_host, peer_port) = server.accept()
        assert peer_host == "127.0.0.1" and conn.getpeername()[1] == peer_port
        t = threading.Thread(target=handle, args=(conn,))
        t.start()
        handlers.append(t)
    for t in handlers:
        t.join()


acceptor = threading.Thread(target=accept_loop, args=(3,))
acceptor.start()
results = {}


def client(name):
    with socket.create_connection(("127.0.0.1", port)) as c:
        replies = []
        for i in range(3):
            c.sendall(("%s-%d" % (name, i)).encode())
            replies.append(c.recv(1024).decode())
        results[name] = replies


clients = [threading.Thread(target=client, args=(n,)) for n in ("a", "b", "c")]
for t in clients:
    t.start()
for t in clients:
    t.join()
acceptor.join()
for name in sorted(results):
    print(name, results[name])
server.close()

# Nobody listens on the port any more.
with socket.socket() as s:
    try:
        s.connect(("127.0.0.1", port))
    except ConnectionRefusedError as e:
        print(type(e).__name__, e)
with socket.socket() as s:
    print(s.connect_ex(("127.0.0.1", port)))

# IPv6 loopback, if the machine has it.
try:
    six = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
    six.bind(("::1", 0))
except OSError:
    print("::1 ok")   # no IPv6 here: say the same thing
else:
    six.listen()
    with socket.create_connection(("::1", six.getsockname()[1])) as c:
        conn, addr = six.accept()
        print("::1", "ok" if addr[0] == "::1" and len(addr) == 4 else addr)
        conn.close()
    six.close()
