class CM:
    def __init__(self, ret):
        self.ret = ret
    def __enter__(self):
        return self
    def __exit__(self, *a):
        return self.ret
for ret in (1, "yes", [], None, 0, [0]):
    try:
        with CM(ret):
            raise ValueError(repr(ret))
        print("suppressed by", repr(ret))
    except ValueError as e:
        print("propagated", e)
