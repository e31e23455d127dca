# TypeError: hashing a list (as a set member).
s = {[1, 2], [3]}
