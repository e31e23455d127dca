class Greeter:
    def greet(self):
        return "hi"

g = Greeter()
print(g.greet("bob"))
