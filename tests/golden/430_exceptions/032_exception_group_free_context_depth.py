def nest(n):
    try:
        if n == 0:
            raise ValueError("bottom")
        nest(n - 1)
    except ValueError as e:
        raise KeyError(n) from e if n % 2 else None
try:
    nest(3)
except KeyError as e:
    chain = []
    x = e
    while x is not None:
        chain.append(repr(x))
        x = x.__cause__ or (None if x.__suppress_context__ else x.__context__)
    print(chain)
