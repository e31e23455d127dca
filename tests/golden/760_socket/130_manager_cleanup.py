# The manager's socket lives in a private temporary directory; both are gone once the
# manager has shut down. So is the directory of a Listener() left open by a process that
# exits (multiprocessing removes it at exit).
import multiprocessing as mp
import os
from multiprocessing.connection import Listener


def make_listener(q):
    listener = Listener()
    q.put(listener.address)


if __name__ == "__main__":
    with mp.Manager() as m:
        address = m.address
        folder = os.path.dirname(address)
        d = m.dict(x=1)
        print(dict(d), os.path.exists(address), os.path.basename(folder).startswith("pymp-"))
        print(oct(os.stat(folder).st_mode & 0o777))
    print("after with:", os.path.exists(address), os.path.exists(folder))

    m = mp.Manager()
    address = m.address
    m.list([1, 2]).append(3)
    m.shutdown()
    m.shutdown()                # a second shutdown does nothing
    print("after shutdown():", os.path.exists(address), os.path.exists(os.path.dirname(address)))

    q = mp.Queue()
    p = mp.Process(target=make_listener, args=(q,))
    p.start()
    address = q.get(timeout=10)
    p.join()
    print("listener of an exited process:", os.path.exists(address),
          os.path.exists(os.path.dirname(address)), p.exitcode)
