class Transaction:
    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        self.rollback()

    def rollback(self):
        raise RuntimeError("rollback failed")

with Transaction():
    raise ValueError("bad data")
