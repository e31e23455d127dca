# An error on a later iteration of a loop, two frames deep.
def invert(xs):
    out = []
    for x in xs:
        out.append(1 / x)
    return out
def main():
    return invert([4, 2, 1, 0])
main()
