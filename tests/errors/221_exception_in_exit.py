class Resource:
    def __enter__(self):
        print("open")
        return self

    def __exit__(self, *exc):
        print("closing")
        raise OSError("close failed")

with Resource():
    print("using")
    raise ValueError("work failed")
