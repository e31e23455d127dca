# TypeError: comparing values that have no order.
print(sorted([3, "a", 1]))
