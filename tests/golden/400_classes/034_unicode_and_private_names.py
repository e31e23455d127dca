class Café:
    __secret = "hidden"
    def reveal(self):
        return self.__secret
    def __private_method(self):
        return "pm"
    def call(self):
        return self.__private_method()
c = Café()
print(type(c).__name__, c.reveal(), c.call())
print(sorted(n for n in vars(Café) if "secret" in n or "private" in n))
try:
    c.__secret
except AttributeError as e:
    print(e)
print(c._Café__secret)
