def upper(f):
    return lambda self: f(self).upper()
class A:
    @property
    @upper
    def name(self):
        return "alice"
print(A().name)
class B:
    @classmethod
    def make(cls):
        return cls.__name__
    @staticmethod
    @upper
    def sm(x):
        return x
print(B.make(), B.sm.__class__.__name__ if False else "ok")
