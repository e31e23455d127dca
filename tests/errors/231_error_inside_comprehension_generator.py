def parse_all(items):
    return [int(x) for x in items]

def total(rows):
    return sum(sum(parse_all(r)) for r in rows)

print(total([["1", "2"], ["3", "x"]]))
