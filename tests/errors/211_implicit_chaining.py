def parse(text):
    try:
        return int(text)
    except ValueError:
        raise TypeError("expected a number, got " + repr(text))

parse("abc")
