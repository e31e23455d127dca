# Value and Array in shared memory (the seed article's counter), get_lock(), lock=False,
# typecodes, indexing and slicing.
import multiprocessing
from multiprocessing import Value, Array


def increment(counter):
    with counter.get_lock():
        counter.value += 1


def many_increments(counter, n):
    for _ in range(n):
        with counter.get_lock():
            counter.value += 1


def fill(shared_array, start):
    for i in range(start, len(shared_array), 2):
        shared_array[i] = i * 0.5


if __name__ == "__main__":
    counter = Value("i", 0)  # "i" = integer
    ps = [multiprocessing.Process(target=increment, args=(counter,)) for _ in range(4)]
    for p in ps: p.start()
    for p in ps: p.join()
    print(counter.value, counter)

    ps = [multiprocessing.Process(target=many_increments, args=(counter, 200)) for _ in range(3)]
    for p in ps: p.start()
    for p in ps: p.join()
    print("after 3 x 200 more:", counter.value)

    shared_array = Array("d", [0.0] * 100)  # "d" = double
    ps = [multiprocessing.Process(target=fill, args=(shared_array, s)) for s in (0, 1)]
    for p in ps: p.start()
    for p in ps: p.join()
    print(len(shared_array), shared_array[:6], shared_array[-1], sum(shared_array[:]))
    shared_array[2:5] = [7.0, 8.0, 9.0]
    print(shared_array[0:6], shared_array[-3:])
    try:
        shared_array[0:2] = [1.0]
    except ValueError as e:
        print("ValueError:", e)
    try:
        shared_array[100]
    except IndexError as e:
        print("IndexError:", e)

    raw = Value("d", 1.5, lock=False)
    raw.value *= 2
    print(raw, raw.value, hasattr(raw, "get_lock"))
    for code, init in (("i", -7), ("l", 2**40), ("b", 100), ("f", 0.5), ("d", 0.1), ("c", b"x"),
                       ("h", 300), ("I", 7), ("B", 255), ("q", -2**50)):
        v = Value(code, init)
        print(code, v.value, repr(v.get_obj()))
    wrap = Value("b", 0)
    wrap.value = 200
    print("c byte wraps:", wrap.value)
    ints = Array("i", range(5))
    print(list(ints), ints[::2], ints.get_lock() is not None)
    chars = Array("c", b"hello")
    print(chars.value, chars.raw, chars[1], chars[1:3])
    chars.value = b"hi"
    print(chars.value, chars.raw)
    zeros = Array("l", 3, lock=False)
    print(zeros[:], type(zeros).__name__)
    try:
        Value("z", 0)
    except TypeError as e:
        print("TypeError:", e)
    lk = multiprocessing.Lock()
    v = Value("i", 5, lock=lk)
    print(v.get_lock() is lk)
