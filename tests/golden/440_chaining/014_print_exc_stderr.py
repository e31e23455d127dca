import traceback
try:
    int("nope")
except ValueError:
    traceback.print_exc()
print("continues")
