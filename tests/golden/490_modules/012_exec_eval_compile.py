x = 10
print(eval("x * 2 + 1"))
print(eval("  [i * i for i in range(4)]"))
print(eval("a + b", {"a": 1, "b": 2}))
print(eval("a + b", {"a": 1}, {"b": 5}))
g = {}
exec("y = 3\ndef f(n):\n    return n + y\n", g)
print(g["y"], g["f"](4), "__builtins__" in g, sorted(k for k in g if k != "__builtins__"))
exec("z = x + 1")
print(z)
ns = {}
r = exec("q = 1", ns, ns)
print(r, ns["q"])
code = compile("1 + 2", "<expr>", "eval")
print(type(code).__name__, eval(code))
code2 = compile("w = 7\nprint('from compiled code', w)", "<prog>", "exec")
exec(code2)
print(w)
print(eval(compile("x", "<x>", "eval"), {"x": "other"}))
print(eval(b"3 * 3"))
def scope():
    local_v = 5
    return eval("local_v + x")
print(scope())
for bad in ("1 +", "def", "x = = 1"):
    try:
        eval(bad)
    except SyntaxError as e:
        print("SyntaxError:", e.msg, e.filename, e.lineno)
try:
    exec("raise ValueError('inside exec')")
except ValueError as e:
    print("ValueError:", e)
try:
    eval(5)
except TypeError as e:
    print(e)
try:
    exec(5)
except TypeError as e:
    print(e)
try:
    compile("1", "<s>", "wrong")
except ValueError as e:
    print(e)
try:
    eval("1", [])
except TypeError as e:
    print(e)
try:
    exec("1", [])
except TypeError as e:
    print(e)
try:
    eval("undefined_in_eval")
except NameError as e:
    print(e)
