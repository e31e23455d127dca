def f():
    try:
        raise ValueError("x")
    except ValueError as e:
        saved = e
    try:
        e
    except NameError as ne:
        print("e deleted:", ne)
    return saved
print(repr(f()))
def g():
    err = None
    for i in range(3):
        try:
            if i == 2:
                raise RuntimeError(i)
        except RuntimeError as exc:
            err = exc
    return err
print(repr(g()))
