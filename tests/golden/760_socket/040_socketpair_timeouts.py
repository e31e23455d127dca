# socketpair(), and the three modes of a socket: blocking (timeout None), non-blocking
# (timeout 0: BlockingIOError instead of waiting) and with a timeout (TimeoutError after
# that many seconds).
import socket
import threading
import time

a, b = socket.socketpair()
print(a.family, a.type, b.family, a.getsockname() == "", b.getpeername() == "")
a.sendall(b"ping")
print(b.recv(10))
b.send(b"pong")
print(a.recv(2), a.recv(2))

print(a.gettimeout(), a.getblocking(), a.timeout)
a.settimeout(0.1)
print(a.gettimeout(), a.getblocking(), a.timeout)
start = time.monotonic()
try:
    a.recv(10)
except socket.timeout as e:
    print("timeout:", type(e).__name__, e, e.args, time.monotonic() - start >= 0.09)
except OSError as e:
    print("wrong error", e)

a.setblocking(False)
print(a.gettimeout(), a.getblocking())
try:
    a.recv(10)
except BlockingIOError as e:
    print(type(e).__name__, e.errno, e)
a.settimeout(0)
print(a.gettimeout(), a.getblocking())
a.setblocking(True)
print(a.gettimeout(), a.getblocking())

# A blocked recv() wakes when another thread sends.
got = []
t = threading.Thread(target=lambda: got.append(a.recv(100)))
t.start()
time.sleep(0.05)
b.sendall(b"late data")
t.join()
print(got)

# Timeouts on accept() and connect-like waits.
server = socket.socket()
server.bind(("127.0.0.1", 0))
server.listen()
server.settimeout(0.05)
try:
    server.accept()
except TimeoutError as e:
    print("accept:", e)
server.close()

# sendall() with a timeout on a peer that never reads: the kernel buffers fill up.
a.settimeout(0.2)
try:
    while True:
        a.sendall(b"x" * 65536)
except TimeoutError as e:
    print("sendall:", e)

# Bad timeouts.
for bad in (-1, "1", float("nan")):
    try:
        a.settimeout(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

# shutdown: the peer reads end of stream; closing twice is fine.
b.shutdown(socket.SHUT_WR)
a.settimeout(None)
data = b""
while True:
    part = a.recv(65536)
    if not part:
        break
    data += part
print(data)
a.close()
a.close()
b.close()
print(a.fileno(), b.fileno())
try:
    a.recv(1)
except OSError as e:
    print(type(e).__name__, e)
