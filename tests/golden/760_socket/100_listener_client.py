# multiprocessing.connection's Listener and Client: message connections over a Unix socket
# (a path in a private temporary directory) or over TCP. A child process connects by address.
import os
import threading
import multiprocessing as mp
from multiprocessing.connection import Listener, Client, wait


def child(address):
    with Client(address, authkey=b"secret") as c:
        c.send(("hello from", "child"))
        print("child got", c.recv())


if __name__ == "__main__":
    with Listener(authkey=b"secret") as listener:
        address = listener.address
        print(type(address).__name__, os.path.basename(address).startswith("listener-"),
              os.path.exists(address))
        p = mp.Process(target=child, args=(address,))
        p.start()
        conn = listener.accept()
        print(repr(listener.last_accepted))
        print(conn.recv())
        conn.send([1, 2, 3])
        p.join()
        print(wait([conn], 5) == [conn], conn.poll())
        try:
            conn.recv()
        except EOFError:
            print("EOFError: the child closed its end")
        conn.close()
    print("socket file left:", os.path.exists(address))

    with Listener(("127.0.0.1", 0)) as listener:
        host, port = listener.address
        print(host, port > 0)

        def serve():
            with listener.accept() as c:
                c.send_bytes(c.recv_bytes() * 2)

        t = threading.Thread(target=serve)
        t.start()
        with Client((host, port)) as c:
            c.send_bytes(b"abc")
            print(c.recv_bytes())
        t.join()

    try:
        Client(address)
    except FileNotFoundError as e:
        print("FileNotFoundError", e.errno)
    for bad in ({"family": "AF_BOGUS"}, {"family": "AF_PIPE"}):
        try:
            Listener(**bad)
        except ValueError as e:
            print("ValueError:", e)
    try:
        Client(12)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
