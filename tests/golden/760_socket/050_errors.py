# Errors as CPython raises them: wrong address types, ports out of range, unknown hosts,
# closed sockets, bad arguments.
import os
import socket


def attempt(label, f):
    try:
        result = f()
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)
    else:
        print(label, "->", repr(result))


s = socket.socket()
attempt("bind str to AF_INET", lambda: s.bind("abc"))
attempt("port too big", lambda: s.bind(("127.0.0.1", 70000)))
attempt("port negative", lambda: s.bind(("127.0.0.1", -1)))
attempt("1-tuple", lambda: s.bind(("127.0.0.1",)))
attempt("port str", lambda: s.bind(("127.0.0.1", "80")))
attempt("host int", lambda: s.bind((1, 2)))
attempt("recv -1", lambda: s.recv(-1))
attempt("send str", lambda: s.send("text"))
attempt("sendall int", lambda: s.sendall(5))
attempt("getpeername unconnected", lambda: s.getpeername())
attempt("shutdown unconnected", lambda: s.shutdown(socket.SHUT_RDWR))
attempt("shutdown bad how", lambda: s.shutdown(7))
attempt("sendto 1 arg", lambda: s.sendto(b"x"))
attempt("getsockopt SO_TYPE", lambda: s.getsockopt(socket.SOL_SOCKET, socket.SO_TYPE))
attempt("getsockopt buffer", lambda: len(s.getsockopt(socket.SOL_SOCKET, socket.SO_TYPE, 4)))
attempt("setsockopt str", lambda: s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, "1"))
s.close()
attempt("recv closed", lambda: s.recv(1))
attempt("send closed", lambda: s.send(b"x"))
attempt("getsockname closed", lambda: s.getsockname())
attempt("listen closed", lambda: s.listen())

u = socket.socket(socket.AF_UNIX)
attempt("unix tuple", lambda: u.bind(("a", 1)))
attempt("unix int", lambda: u.bind(1))
attempt("unix too long", lambda: u.bind("/tmp/" + "x" * 200))
attempt("unix missing dir", lambda: u.connect("/no/such/dir/sock"))
attempt("unix connect_ex", lambda: u.connect_ex("/no/such/dir/sock"))
attempt("unix accept unbound", lambda: u.accept())
attempt("unix sendto tuple", lambda: u.sendto(b"x", ("127.0.0.1", 9)))
u.close()

attempt("bad family", lambda: socket.socket(12345))
attempt("bad type", lambda: socket.socket(socket.AF_INET, 999))
attempt("bad fileno", lambda: socket.socket(fileno=100000))
attempt("negative fileno", lambda: socket.socket(fileno=-5))
attempt("socketpair AF_INET", lambda: socket.socketpair(socket.AF_INET))
# (AI_NUMERICHOST: no DNS lookup, so the answer does not depend on the network.)
attempt("getaddrinfo not numeric",
        lambda: socket.getaddrinfo("not-numeric", 80, flags=socket.AI_NUMERICHOST))
attempt("getaddrinfo bad service",
        lambda: socket.getaddrinfo("127.0.0.1", "no-such-service", flags=socket.AI_NUMERICSERV))
attempt("getaddrinfo port list", lambda: socket.getaddrinfo("localhost", [80]))
attempt("inet_aton bad", lambda: socket.inet_aton("1.2.3.4.5"))
attempt("inet_ntoa short", lambda: socket.inet_ntoa(b"\x01\x02"))
attempt("create_connection refused", lambda: socket.create_connection(("127.0.0.1", 1)))
try:
    socket.getaddrinfo("not-numeric", None, flags=socket.AI_NUMERICHOST)
except socket.gaierror as e:
    print(e.errno == socket.EAI_NONAME, e.strerror, isinstance(e, OSError))
