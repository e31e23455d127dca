"""A helper module for the 490_modules tests."""
print("mod_greet loading, __name__ =", __name__)
GREETING = "hello"
_hidden = "private"
def greet(name):
    return f"{GREETING}, {name}"
class Greeter:
    def __init__(self, who):
        self.who = who
    def __call__(self):
        return greet(self.who)
