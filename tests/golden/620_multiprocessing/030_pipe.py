# Pipe: duplex and one-way connections, send/recv, send_bytes/recv_bytes, poll, EOF.
from multiprocessing import Pipe, Process


def echo(conn):
    while True:
        msg = conn.recv()
        if msg == "bye":
            conn.send("bye")
            break
        conn.send(("echo", msg))
    conn.close()


def talker(w):
    w.send_bytes(b"raw bytes")
    w.send({"n": 1, "l": [1, 2, 3]})
    w.close()


if __name__ == "__main__":
    parent, child = Pipe()
    p = Process(target=echo, args=(child,))
    p.start()
    for msg in ["hi", 42, [1, 2.5, None], {"k": (1, 2)}]:
        parent.send(msg)
        print(parent.recv())
    parent.send("bye")
    print(parent.recv())
    p.join()
    print(parent.poll(), p.exitcode)

    r, w = Pipe(duplex=False)
    print(r.readable, r.writable, w.readable, w.writable)
    p = Process(target=talker, args=(w,))
    p.start()
    w.close()
    print(r.poll(5))
    print(r.recv_bytes())
    print(r.recv())
    p.join()
    try:
        r.recv()
    except EOFError:
        print("EOFError when the other end is closed")
    r.close()
    print(r.closed)
    try:
        r.recv()
    except OSError as e:
        print("OSError:", e)
    a, b = Pipe()
    a.send_bytes(b"0123456789", 2, 5)
    print(b.recv_bytes())
    a.close(); b.close()
