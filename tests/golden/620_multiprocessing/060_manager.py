# Manager(): dict and list shared through a manager process (the seed article's example),
# plus Namespace, Value, Queue and Lock proxies.
import multiprocessing
from multiprocessing import Manager


def worker(shared_dict, i):
    shared_dict[i] = i * i


def appender(shared_list, i):
    shared_list.append(i)


def use_namespace(ns, q, lock):
    with lock:
        ns.total = ns.total + 10
    q.put("done")


if __name__ == "__main__":
    with Manager() as manager:
        shared_dict = manager.dict()
        shared_list = manager.list()
        processes = [
            multiprocessing.Process(target=worker, args=(shared_dict, i))
            for i in range(4)
        ]
        for p in processes: p.start()
        for p in processes: p.join()
        print(dict(sorted(dict(shared_dict).items())))
        processes = [multiprocessing.Process(target=appender, args=(shared_list, i))
                     for i in range(4)]
        for p in processes: p.start()
        for p in processes: p.join()
        print(sorted(shared_list), len(shared_list))

        d = manager.dict({"a": 1})
        d["b"] = 2
        print(d["a"], d.get("z", "default"), "b" in d, len(d), sorted(d.keys()))
        print(sorted(d.items()), d.pop("a"), str(d))
        try:
            d["missing"]
        except KeyError as e:
            print("KeyError:", e)
        lst = manager.list([3, 1, 2])
        lst.sort()
        lst.extend([4, 5])
        print(lst[0], lst[-1], lst[1:3], str(lst))

        ns = manager.Namespace()
        ns.total = 0
        q = manager.Queue()
        lock = manager.Lock()
        ps = [multiprocessing.Process(target=use_namespace, args=(ns, q, lock)) for _ in range(3)]
        for p in ps: p.start()
        print([q.get(timeout=5) for _ in range(3)])
        for p in ps: p.join()
        print("namespace total", ns.total)
        v = manager.Value("i", 1)
        v.value += 41
        print(v.value, v.get())
        print(q.empty(), q.qsize())
