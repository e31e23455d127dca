# any and all short-circuit and accept empty iterables.
print(any([]), all([]), any([0, "", None]), all([1, "x", [0]]), any([0, 0, 1]), all([1, 0, 1]))
print(any("abc"), all(""), any(range(0)), all(range(1, 5)))
def noisy(v):
    print("checking", v)
    return v
print(any(map(noisy, [0, 1, 2])), all(map(noisy, [1, 0, 2])))
