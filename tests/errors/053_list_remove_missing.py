# ValueError: list.remove of a missing item.
a = [1, 2]
a.remove(3)
