# Threads waiting in socket calls (recv, accept, a recv with a timeout) do not hold the GIL:
# while seven threads wait on sockets, the main thread keeps running Python code. If a
# waiting thread kept the GIL, the main thread could never run again and the test would hang.
import socket
import threading

N = 5
pairs = [socket.socketpair() for _ in range(N)]
started = threading.Semaphore(0)
got = [None] * N


def reader(i):
    started.release()
    got[i] = pairs[i][0].recv(100)


server = socket.create_server(("127.0.0.1", 0))
accepted = []


def acceptor():
    started.release()
    conn, _ = server.accept()
    with conn:
        accepted.append(conn.recv(100))


timeouts = []


def impatient():
    a, b = socket.socketpair()
    a.settimeout(0.3)
    started.release()
    try:
        a.recv(1)
    except TimeoutError as e:
        timeouts.append(str(e))
    a.close()
    b.close()


threads = [threading.Thread(target=reader, args=(i,)) for i in range(N)]
threads.append(threading.Thread(target=acceptor))
threads.append(threading.Thread(target=impatient))
for t in threads:
    t.start()
for _ in threads:
    started.acquire()
# Every thread has started and is waiting (or about to): the main thread computes.
total = 0
for i in range(300000):
    total += i
print("the main thread ran while seven threads waited:", total)
for i, (_, b) in enumerate(pairs):
    b.sendall(b"message %d" % i)
with socket.create_connection(server.getsockname()) as c:
    c.sendall(b"connected")
for t in threads:
    t.join()
print(got)
print(accepted, timeouts)
server.close()
for a, b in pairs:
    a.close()
    b.close()
