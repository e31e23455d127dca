# contextlib.suppress, closing, nullcontext, redirect_stdout, AbstractContextManager.
from contextlib import suppress, closing, nullcontext, redirect_stdout, AbstractContextManager
import sys

with suppress(ZeroDivisionError, KeyError):
    1 / 0
print("suppressed ZeroDivisionError")
with suppress(LookupError):
    {}["missing"]
print("suppressed a subclass")
try:
    with suppress(KeyError):
        [][1]
except IndexError as e:
    print("not suppressed:", e)
with suppress():
    pass
print("empty suppress ok")


class Resource:
    def __init__(self, name):
        self.name = name

    def close(self):
        print("closed", self.name)


with closing(Resource("db")) as r:
    print("using", r.name)
try:
    with closing(Resource("file")):
        raise RuntimeError("fail")
except RuntimeError as e:
    print("error after close:", e)
with nullcontext(5) as v:
    print(v)
with nullcontext() as v:
    print(v)


class Capture:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)

    def flush(self):
        pass


cap = Capture()
with redirect_stdout(cap) as target:
    print("hidden", 1)
    print("hidden", 2)
print(target is cap, cap.parts, sys.stdout is not cap)


class Managed(AbstractContextManager):
    def __exit__(self, *exc):
        print("exit", exc[0])


with Managed() as m:
    print(type(m).__name__)
