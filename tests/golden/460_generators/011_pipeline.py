def read_lines():
    text = "alpha 3\nbeta 5\n# comment\ngamma 2\n\ndelta 7"
    for line in text.split("\n"):
        yield line
def strip_comments(lines):
    for l in lines:
        if l and not l.startswith("#"):
            yield l
def parse(lines):
    for l in lines:
        name, n = l.split()
        yield name, int(n)
def running_total(pairs):
    total = 0
    for name, n in pairs:
        total += n
        yield name, n, total
for row in running_total(parse(strip_comments(read_lines()))):
    print(row)
