class E(Exception):
    def __init__(self, code):
        super().__init__(f"code {code}")
        self.code = code
e = E(5)
print(str(e), repr(e), e.args, e.code)
class K(KeyError):
    pass
print(str(K("x")), repr(K("x")), str(K()), str(K(1, 2)))
print(repr(ValueError("a", 1)), str(ValueError("a", 1)))
print(str(BaseException("b")), repr(SystemExit(3)), str(StopIteration(7)))
print(repr(UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte")))
print(str(UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte")))
try:
    b"\xff".decode()
except UnicodeDecodeError as u:
    print(u.encoding, u.start, u.end, u.reason)
