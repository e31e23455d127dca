# Proxies passed to Pool workers and to processes: every worker connects to the manager's
# socket by the address in the proxy and shares the same dict, list, Queue, Value,
# Namespace and Lock.
import multiprocessing as mp


def work(args):
    d, results, q, counter, lock, ns, i = args
    d[i] = i * i
    results.append(i)
    q.put(("done", i))
    with lock:
        counter.value = counter.value + 1
        ns.total = ns.total + i
    return i


def consumer(q, out):
    while True:
        item = q.get(timeout=10)
        if item is None:
            return
        out.append(item * 10)


if __name__ == "__main__":
    with mp.Manager() as m:
        d = m.dict()
        results = m.list()
        q = m.Queue()
        counter = m.Value("i", 0)
        lock = m.Lock()
        ns = m.Namespace(total=0)
        args = [(d, results, q, counter, lock, ns, i) for i in range(12)]
        with mp.Pool(3) as pool:
            print(pool.map(work, args))
            print(sorted(pool.imap_unordered(work, args[:4])))
        print(sorted(d.items()))
        print(sorted(results), len(results))
        print(sorted(q.get(timeout=5)[1] for _ in range(16)), q.empty())
        print(counter.value, ns.total, ns)

        out = m.list()
        ps = [mp.Process(target=consumer, args=(q, out)) for _ in range(2)]
        for p in ps:
            p.start()
        for i in range(6):
            q.put(i)
        for p in ps:
            q.put(None)
        for p in ps:
            p.join()
        print(sorted(out), [p.exitcode for p in ps])

        ctx = mp.get_context("spawn")
        with ctx.Pool(2) as pool:
            print(pool.map(work, args[:3]))
        print(counter.value, len(results))
