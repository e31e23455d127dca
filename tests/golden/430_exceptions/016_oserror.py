try:
    open("/nonexistent/dir/file.txt")
except FileNotFoundError as e:
    print(type(e).__name__, e.errno, e.strerror, e.filename)
    print(e)
    print(repr(e))
except OSError as e:
    print("OSError", e)
e = OSError(13, "Permission denied")
print(type(e).__name__, e.errno, e.strerror, str(e))
e = OSError(2, "No such file", "f.txt")
print(type(e).__name__, str(e))
e = OSError("just message")
print(e.errno, e.args, str(e))
# errno values of Linux: EEXIST 17, EACCES 13, EPIPE 32, ENOENT 2, ETIMEDOUT 110
print(type(OSError(17, "exists")).__name__)
print(type(OSError(13, "x")).__name__, type(OSError(32, "x")).__name__)
print(type(OSError(2, "x")).__name__, type(OSError(110, "x")).__name__)
print(type(OSError(99999, "x")).__name__)
