# Helper for tests/cli/025_dis: a module with a nested function.
def square(x):
    return x * x
print(square(7))
