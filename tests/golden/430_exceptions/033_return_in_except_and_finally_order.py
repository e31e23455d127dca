def f(log):
    try:
        log.append("try")
        raise ValueError
    except ValueError:
        log.append("except")
        return "from except"
    finally:
        log.append("finally")
log = []
print(f(log), log)
def g():
    for i in range(3):
        try:
            try:
                if i == 1:
                    raise KeyError(i)
            finally:
                print("inner finally", i)
        except KeyError as e:
            print("caught", e)
            continue
        print("end of iteration", i)
g()
def h():
    try:
        return [1, 2]
    finally:
        print("h finally")
print(h())
def lazy_except():
    def pick():
        print("except expression evaluated")
        return ValueError
    try:
        raise ValueError("v")
    except pick() as e:
        return repr(e)
print(lazy_except())
