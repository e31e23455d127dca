# TypeError: %d with a string.
print("%d apples" % "three")
