# An error deep in nested calls: one traceback entry per frame, with carets.
def parse(text):
    return int(text)
def load(items):
    out = []
    for item in items:
        out.append(parse(item))
    return out
def main():
    data = ["1", "2", "three"]
    return sum(load(data))
print(main())
