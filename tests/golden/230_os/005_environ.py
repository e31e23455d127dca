# os.environ as a mapping, getenv, putenv through assignment, deletion
import os
print(type(os.environ).__name__, "PATH" in os.environ, isinstance(os.environ["PATH"], str))
print(os.getenv("GILPY_SURELY_UNSET"), os.getenv("GILPY_SURELY_UNSET", "fallback"))
os.environ["GILPY_TEST_VAR"] = "value 1"
print(os.environ["GILPY_TEST_VAR"], os.getenv("GILPY_TEST_VAR"), "GILPY_TEST_VAR" in os.environ)
os.environ["GILPY_TEST_VAR"] = "value 2"
print(os.environ.get("GILPY_TEST_VAR"), len(os.environ) == len(list(os.environ)))
print(os.environ.setdefault("GILPY_TEST_VAR", "x"), os.environ.setdefault("GILPY_TEST_2", "y"))
print(os.environ.pop("GILPY_TEST_2"), os.environ.pop("GILPY_TEST_2", "gone"))
del os.environ["GILPY_TEST_VAR"]
print(os.getenv("GILPY_TEST_VAR"), "GILPY_TEST_VAR" in os.environ)
os.environ.update({"GILPY_A": "1", "GILPY_B": "2"})
print(sorted(k for k in os.environ if k.startswith("GILPY_")), os.environ["GILPY_B"])
d = os.environ.copy()
print(type(d).__name__, d["GILPY_A"])
try:
    os.environ["GILPY_MISSING"]
except KeyError as e:
    print("KeyError", e)
try:
    del os.environ["GILPY_MISSING"]
except KeyError as e:
    print("KeyError", e)
for k, v in [("GILPY_X", 1), (2, "x")]:
    try:
        os.environ[k] = v
    except TypeError as e:
        print("TypeError", e)
try:
    os.putenv("A=B", "c")
except ValueError as e:
    print("ValueError", e)
home = os.environ.setdefault("HOME", "/home/nobody")
print(os.path.expanduser("~") == (home.rstrip("/") or "/"), os.path.expanduser("x/~"), os.path.expanduser("~/x") == os.path.join(home, "x"))
os.environ["GILPY_EXPAND"] = "ok"
print(os.path.expandvars("a $GILPY_EXPAND ${GILPY_EXPAND}b $GILPY_NOT_SET_ZZ $"))
