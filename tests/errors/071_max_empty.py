# ValueError: max() of an empty sequence.
print(max([]))
