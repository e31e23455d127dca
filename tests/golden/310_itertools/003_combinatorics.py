# itertools.product, permutations, combinations and combinations_with_replacement.
from itertools import product, permutations, combinations, combinations_with_replacement

print(list(product("ab", "xy")))
print(list(product(range(2), repeat=3)))
print(list(product("ab", [1], repeat=2)))
print(list(product()), list(product("ab", [])), len(list(product(range(4), range(5), range(3)))))
print(list(permutations("abc")))
print(list(permutations(range(4), 2)))
print(list(permutations([1, 2], 3)), list(permutations([], 0)), list(permutations("ab", 0)))
print(list(combinations("abcd", 2)))
print(list(combinations(range(5), 3)))
print(list(combinations("ab", 3)), list(combinations("abc", 0)))
print(list(combinations_with_replacement("abc", 2)))
print(list(combinations_with_replacement([1, 2], 3)), list(combinations_with_replacement([], 2)))
print(sum(1 for _ in permutations(range(6))), sum(1 for _ in combinations(range(10), 4)))
for f, args in [(permutations, ("abc", -1)), (combinations, ("abc", -1)),
                (combinations_with_replacement, ("abc", -2))]:
    try:
        f(*args)
    except ValueError as e:
        print(f.__name__, type(e).__name__, e)
try:
    product("ab", repeat=-1)
except ValueError as e:
    print(type(e).__name__, e)
