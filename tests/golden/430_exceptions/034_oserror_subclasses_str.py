for cls in (FileNotFoundError, PermissionError, TimeoutError, BrokenPipeError, FileExistsError,
            IsADirectoryError, ConnectionRefusedError):
    e = cls(2, "message", "file.txt")
    print(cls.__name__, str(e), e.errno, e.filename, e.args)
e = FileNotFoundError("just text")
print(str(e), e.errno, e.strerror)
e = OSError(1, "one", "a", None, "b")
print(str(e), e.filename2)
class MyOSError(OSError):
    pass
print(type(MyOSError(2, "x")).__name__)
