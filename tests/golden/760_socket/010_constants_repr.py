# The socket module's names: constants are ints that know their names (AddressFamily,
# SocketKind), error classes are OSError's family, and a socket's repr says what it is.
import socket

print(socket.AF_UNIX, socket.AF_INET, socket.AF_INET6, socket.SOCK_STREAM, socket.SOCK_DGRAM)
print(repr(socket.AF_INET), repr(socket.SOCK_DGRAM), socket.AF_INET == 2, socket.AF_INET + 1)
print(socket.AddressFamily(1), repr(socket.AddressFamily(10)), socket.SocketKind(1).name)
print(f"{socket.AF_INET6} {socket.AF_INET:>3} %d %s" % (socket.SOCK_STREAM, socket.SOCK_DGRAM))
try:
    socket.AddressFamily(12345)
except ValueError as e:
    print("ValueError:", e)
print(socket.SOL_SOCKET, socket.SO_REUSEADDR, socket.SHUT_RD, socket.SHUT_WR, socket.SHUT_RDWR)
print(socket.SOMAXCONN > 0, socket.has_ipv6, socket.IPPROTO_TCP, socket.TCP_NODELAY)

print(socket.error is OSError, socket.timeout is TimeoutError)
print(socket.gaierror.__mro__)
print(socket.herror.__name__, issubclass(socket.herror, OSError))
print(socket.socket.__mro__, socket.SocketType)

s = socket.socket()
fd = s.fileno()
print(s.family, repr(s.family), s.type, repr(s.type), s.proto, s.gettimeout(), s.getblocking())
print(repr(s).replace("fd=%d" % fd, "fd=N"))
s.bind(("127.0.0.1", 0))
port = s.getsockname()[1]
print(repr(s).replace("fd=%d" % fd, "fd=N").replace(str(port), "PORT"))
s.close()
print(s, s.fileno())
with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as u:
    fd = u.fileno()
    print(repr(u).replace("fd=%d" % fd, "fd=N"), repr(u.getsockname()))
print(u)

print(socket.gethostbyname("localhost"), socket.gethostbyname("127.0.0.1"))
print(socket.getaddrinfo("127.0.0.1", 80, socket.AF_INET, socket.SOCK_STREAM))
print(socket.getaddrinfo("::1", "80", socket.AF_INET6, socket.SOCK_DGRAM))
print(socket.getaddrinfo(None, 0, socket.AF_INET, socket.SOCK_STREAM, 0, socket.AI_PASSIVE))
print(isinstance(socket.gethostname(), str), len(socket.gethostname()) > 0)
print(socket.inet_aton("10.1.2.3"), socket.inet_ntoa(b"\x7f\x00\x00\x01"))
print(socket.inet_pton(socket.AF_INET6, "::1"),
      socket.inet_ntop(socket.AF_INET, b"\xc0\xa8\x00\x01"))
print(socket.htons(1), socket.ntohs(256), socket.htonl(1), socket.ntohl(16777216))
print(socket.getdefaulttimeout())
socket.setdefaulttimeout(2.5)
with socket.socket() as s:
    print(s.gettimeout(), s.getblocking())
socket.setdefaulttimeout(None)
