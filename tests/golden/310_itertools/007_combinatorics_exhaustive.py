# Every small case of the combinatoric iterators, checked against CPython item by item.
from itertools import product, permutations, combinations, combinations_with_replacement

for n in range(5):
    pool = "abcde"[:n]
    for r in range(6):
        p = list(permutations(pool, r))
        c = list(combinations(pool, r))
        w = list(combinations_with_replacement(pool, r))
        print(n, r, len(p), len(c), len(w), "".join("".join(t) + "," for t in p[:6]),
              "".join("".join(t) + "," for t in c[-4:]), "".join("".join(t) + "," for t in w[-4:]))
for sizes in [(), (0,), (1,), (2, 3), (3, 0, 2), (1, 1, 1), (2, 2, 2, 2)]:
    pools = [range(k) for k in sizes]
    result = list(product(*pools))
    print(sizes, len(result), result[:3], result[-2:])
print(list(product("ab", repeat=0)), list(product(repeat=3)), list(permutations([])))
it = permutations([1, 2, 3])
print(next(it), next(it), list(it), list(it))
it = product([1, 2], [3])
print(list(it), list(it))
# The items are the pool's own objects, not copies.
obj = [1]
print(next(combinations([obj], 1))[0] is obj, next(product([obj]))[0] is obj)
print(sum(1 for _ in permutations(range(7))), sum(1 for _ in product(range(6), repeat=5)))
print(sum(1 for _ in combinations(range(16), 8)), sum(1 for _ in combinations_with_replacement(range(8), 6)))
