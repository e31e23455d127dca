import traceback
try:
    {}["k"]
except KeyError as e:
    lines = traceback.format_exception(e)
    print(type(lines).__name__, len(lines) > 1)
    print("".join(lines), end="")
    only = traceback.format_exception_only(type(e), e)
    print(only)
