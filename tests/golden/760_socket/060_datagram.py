# Datagram sockets: UDP on 127.0.0.1 and AF_UNIX SOCK_DGRAM. Each sendto() is one message;
# recvfrom() returns it with the sender's address.
import os
import socket
import threading

with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as server, \
        socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as client:
    server.bind(("127.0.0.1", 0))
    address = server.getsockname()
    print(server.type, repr(server.type))
    print(client.sendto(b"first", address), client.sendto(b"second", 0, address))
    data, sender = server.recvfrom(100)
    print(data, sender == ("127.0.0.1", client.getsockname()[1]))
    print(server.recv(3))          # the rest of a datagram is dropped
    server.sendto(b"reply", sender)
    print(client.recvfrom(100)[0])
    client.connect(address)        # a connected datagram socket has a default peer
    client.send(b"third")
    print(server.recvfrom(100)[0])
    server.settimeout(0.05)
    try:
        server.recvfrom(100)
    except TimeoutError as e:
        print("recvfrom:", e)

# A UDP echo served by a thread.
server = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
server.bind(("127.0.0.1", 0))


def echo(n):
    for _ in range(n):
        data, sender = server.recvfrom(1024)
        server.sendto(data[::-1], sender)


t = threading.Thread(target=echo, args=(3,))
t.start()
with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as c:
    for word in (b"abc", b"gil", b"python"):
        c.sendto(word, server.getsockname())
        print(c.recv(1024))
t.join()
server.close()

path = "/tmp/gilpy-760-060-%d.sock" % os.getpid()
a = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
a.bind(path)
b = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
b.sendto(b"to a path", path)
print(a.recvfrom(100))             # b is not bound: no sender address
a.close()
b.close()
os.unlink(path)

x, y = socket.socketpair(socket.AF_UNIX, socket.SOCK_DGRAM)
x.send(b"one")
x.send(b"two")
print(y.recv(10), y.recv(10), y.type)
x.close()
y.close()
