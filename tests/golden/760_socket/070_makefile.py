# makefile(): a file object over a socket, for line-oriented protocols. The socket stays
# open until the socket and all its files are closed.
import socket
import threading

a, b = socket.socketpair()


def line_server(sock):
    reader = sock.makefile("r", encoding="utf-8")
    writer = sock.makefile("w", encoding="utf-8")
    for line in reader:
        writer.write("%d:%s" % (len(line.rstrip("\n")), line.upper()))
        writer.flush()
    writer.write("bye\n")
    writer.close()
    reader.close()
    sock.close()


t = threading.Thread(target=line_server, args=(b,))
t.start()
f = a.makefile("rwb")
print(f.readable(), f.writable())
f.write(b"hello\n")
f.write(b"caf\xc3\xa9 au lait\n")
f.flush()
print(f.readline())
print(f.readline().decode("utf-8"))
f.writelines([b"one\n", b"two\n"])
f.flush()
print(f.readline(3), f.readline())
a.shutdown(socket.SHUT_WR)
print(f.readline(), f.readline(), f.read())
t.join()
f.close()
a.close()
print(a.fileno())

# Text files, read() of a size, iteration, and the socket outliving close().
a, b = socket.socketpair()
b.sendall("line one\nline two\nééé\n".encode("utf-8"))
b.close()
rf = a.makefile()
a.close()                        # the file still works
print(rf.read(4), repr(rf.readline()), list(rf))
rf.close()
print(a.fileno())
try:
    rf.read()
except ValueError as e:
    print("ValueError:", e)
with socket.socket() as s:
    try:
        s.makefile("rx")
    except ValueError as e:
        print("ValueError:", e)
