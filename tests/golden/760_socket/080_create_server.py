# create_server() and create_connection(): the shortcuts most programs use. The server's
# accept() waits in a thread while clients connect and talk.
import socket
import threading

server = socket.create_server(("127.0.0.1", 0))
print(server.family, server.type, server.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR) != 0)
port = server.getsockname()[1]


def serve():
    for _ in range(2):
        conn, _ = server.accept()
        with conn:
            request = b""
            while not request.endswith(b"\r\n\r\n"):
                request += conn.recv(1024)
            first = request.split(b"\r\n")[0]
            body = b"you asked for " + first.split()[1]
            conn.sendall(b"HTTP/1.0 200 OK\r\nContent-Length: %d\r\n\r\n%s" % (len(body), body))


t = threading.Thread(target=serve)
t.start()
for page in (b"/index.html", b"/gil.txt"):
    with socket.create_connection(("localhost", port), timeout=5) as c:
        print(c.gettimeout())
        c.sendall(b"GET " + page + b" HTTP/1.0\r\nHost: localhost\r\n\r\n")
        reply = b""
        while True:
            part = c.recv(1024)
            if not part:
                break
            reply += part
        print(reply.split(b"\r\n"))
t.join()

# The port is taken while the server socket lives.
try:
    socket.create_server(("127.0.0.1", port), reuse_port=False)
except OSError as e:
    print(type(e).__name__, e.errno, e.strerror.replace(str(port), "PORT"))
server.close()
try:
    socket.create_connection(("127.0.0.1", port), timeout=5)
except ConnectionRefusedError as e:
    print(type(e).__name__, e)
with socket.create_server(("127.0.0.1", 0), backlog=1) as s2:
    print(s2.getsockname()[0])
