# A Pool and a ProcessPoolExecutor with 'spawn': each worker is a fresh interpreter that
# imports this file as __mp_main__ to find `cube`.
import multiprocessing as mp
from concurrent.futures import ProcessPoolExecutor


def cube(x):
    return x ** 3


def main_name(_):
    return __name__


if __name__ == "__main__":
    ctx = mp.get_context("spawn")
    with ctx.Pool(2) as pool:
        print(pool.map(cube, range(6)))
        print(set(pool.map(main_name, range(4))))
    with ProcessPoolExecutor(max_workers=2, mp_context=ctx) as ex:
        print(list(ex.map(cube, [7, 8])))
