src = """
class Shape:
    sides = 0
    def describe(self):
        return f"{type(self).__name__} with {self.sides} sides"
class Triangle(Shape):
    sides = 3
shapes = [Triangle(), Shape()]
"""
ns = {}
exec(src, ns)
print([s.describe() for s in ns["shapes"]])
print(ns["Triangle"].__module__ if "__name__" in ns else "no __name__", ns["Triangle"].__qualname__)
calc = {name: eval(f"lambda a, b: a {op} b") for name, op in [("add", "+"), ("mul", "*")]}
print(calc["add"](2, 3), calc["mul"](2, 3))
table = [eval(expr, {"n": n}) for n in range(4) for expr in ["n ** 2"]]
print(table)
