class A:
    pass
print(A.__module__, A().__module__, A.__dict__["__module__"])
A.__module__ = "elsewhere"
print(repr(A))
class B:
    __qualname__ = "Custom.Qual"
print(B.__qualname__, repr(B))
