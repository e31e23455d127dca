# ValueError: CPython 3.11 limits int-to-str conversion to 4300 digits.
n = 10 ** 5000
print(len(str(n)))
