# set() from iterables; {} is a dict.
print(set(), set([]), set("abcab") == {"a", "b", "c"}, set((1, 2, 2)), set(range(3)))
print(set({"k": 1}), set({1: 2}.values()), type({}), type({1}), frozenset(range(4)))
print(set([1, 2]) == frozenset([1, 2]), {1, 2} == {2, 1}, set([3]) | frozenset([4]))
