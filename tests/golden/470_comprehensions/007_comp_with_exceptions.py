def safe(v):
    try:
        return int(v)
    except ValueError:
        return None
print([safe(v) for v in ["1", "x", "3"]])
try:
    print([1 / v for v in [1, 0, 2]])
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    {k: v for k, v in [(1, 2), (3,)]}
except ValueError as e:
    print(e)
