try:
    1 / 0
except ZeroDivisionError as e:
    print(e.__traceback__ is not None, e.__cause__, e.__context__, e.__suppress_context__)
    # tb_frame is not checked: gilpy's tracebacks are frame-less by design (vm/traceback.h),
    # its tb_frame is None where CPython has a frame object.
    print(e.__traceback__.tb_lineno, e.__traceback__.tb_next)
e = ValueError("v")
print(e.__traceback__)
e2 = e.with_traceback(None)
print(e2 is e)
try:
    try:
        raise KeyError("a")
    except KeyError as k:
        raise ValueError("b") from k
except ValueError as v:
    print(repr(v.__cause__), repr(v.__context__), v.__suppress_context__)
