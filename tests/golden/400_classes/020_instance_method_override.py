class A:
    def hello(self):
        return "class hello"

a = A()
print(a.hello())
a.hello = lambda: "instance hello"
print(a.hello())
del a.hello
print(a.hello())
A.hello = lambda self: "patched"
print(a.hello())
def extra(self, n):
    return n * 2
A.extra = extra
print(a.extra(21))
