# TypeError: concatenating None to a str.
def greeting(name):
    print("Hello, " + name)
greeting(None)
