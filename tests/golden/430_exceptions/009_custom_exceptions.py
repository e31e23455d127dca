class ValidationError(ValueError):
    def __init__(self, field, problem):
        super().__init__(field, problem)
        self.field = field
        self.problem = problem
    def __str__(self):
        return f"{self.field}: {self.problem}"
try:
    raise ValidationError("age", "must be positive")
except ValueError as e:
    print(e, "|", repr(e), "|", e.args, "|", e.field)
class Quiet(Exception):
    pass
q = Quiet("a", "b")
print(str(q), repr(q))
class WithRepr(Exception):
    def __repr__(self):
        return "WithRepr!"
print(repr(WithRepr()), str(WithRepr("m")))
class NoSuper(Exception):
    def __init__(self, x):
        self.x = x
n = NoSuper(5)
print(n.args, str(n), n.x)
