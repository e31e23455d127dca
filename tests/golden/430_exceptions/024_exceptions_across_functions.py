def level3(x):
    if x < 0:
        raise ValueError(f"negative: {x}")
    return x * 2
def level2(x):
    return level3(x) + 1
def level1(xs):
    out = []
    for x in xs:
        try:
            out.append(level2(x))
        except ValueError as e:
            out.append(str(e))
    return out
print(level1([1, -2, 3]))
def cleanup_order():
    try:
        try:
            level2(-5)
        finally:
            print("inner cleanup")
    finally:
        print("outer cleanup")
try:
    cleanup_order()
except ValueError as e:
    print("caught at top:", e)
