class Bad:
    def __enter__(self):
        raise RuntimeError("enter failed")
    def __exit__(self, *a):
        print("exit should not run")
class Good:
    def __enter__(self):
        print("good enter")
    def __exit__(self, *a):
        print("good exit", a[0].__name__)
try:
    with Good(), Bad():
        print("body not run")
except RuntimeError as e:
    print("caught", e)
class NoExit:
    def __enter__(self):
        return 1
try:
    with NoExit():
        pass
except (AttributeError, TypeError) as e:
    print(type(e).__name__, e)
class NoEnter:
    def __exit__(self, *a):
        pass
try:
    with NoEnter():
        pass
except (AttributeError, TypeError) as e:
    print(type(e).__name__, e)
