class ExitRaises:
    def __enter__(self):
        return self
    def __exit__(self, t, v, tb):
        raise KeyError("from exit")
try:
    with ExitRaises():
        raise ValueError("body")
except KeyError as e:
    print(repr(e), repr(e.__context__))
try:
    with ExitRaises():
        pass
except KeyError as e:
    print(repr(e), e.__context__)
