def f():
    try:
        return "try"
    finally:
        print("finally runs")
print(f())
def g():
    try:
        return "try"
    finally:
        return "finally"
print(g())
def h():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"
print(h())
def k():
    for i in range(3):
        try:
            if i == 1:
                continue
            if i == 2:
                break
            print("body", i)
        finally:
            print("finally", i)
    return "done"
print(k())
def m():
    x = 1
    try:
        return x
    finally:
        x = 2
print(m())
def n():
    while True:
        try:
            raise KeyError
        finally:
            break
    return "broke out"
print(n())
def p():
    for i in range(3):
        try:
            raise ValueError(i)
        except ValueError:
            continue
        finally:
            print("p finally", i)
    return "p done"
print(p())
