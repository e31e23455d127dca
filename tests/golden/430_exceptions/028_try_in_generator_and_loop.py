def safe_div(pairs):
    for a, b in pairs:
        try:
            yield a / b
        except ZeroDivisionError:
            yield float("inf")
        finally:
            print("done pair", a, b)
print(list(safe_div([(1, 2), (3, 0), (4, 4)])))
