# AssertionError without a message.
values = [3, 2, 1]
assert values == sorted(values)
