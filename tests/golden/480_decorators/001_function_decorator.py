def shout(f):
    def wrapper(*args, **kwargs):
        print("calling", f.__name__, args, kwargs)
        return f(*args, **kwargs).upper()
    return wrapper
@shout
def greet(name, punct="!"):
    return "hello " + name + punct
print(greet("bob"))
print(greet("amy", punct="?"))
print(greet.__name__)
