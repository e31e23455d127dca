# KeyError: "{ and }" is a replacement field named " and ", and no such argument was given.
print("{ and }".format())
