class A:
    def f(self):
        return "A"
class B(A):
    def f(self):
        return super().f()
class Unrelated:
    pass
try:
    super(B, Unrelated())
except TypeError as e:
    print(e)
try:
    super(B, 5).f()
except TypeError as e:
    print(e)
def free():
    return super()
try:
    free()
except RuntimeError as e:
    print(e)
try:
    super(B, B()).nothing
except AttributeError as e:
    print(e)
class C(A):
    def f(self):
        return super().g()
try:
    C().f()
except AttributeError as e:
    print(e)
