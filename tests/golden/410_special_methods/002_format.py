class Money:
    def __init__(self, v):
        self.v = v
    def __format__(self, spec):
        if spec == "":
            return "M" + str(self.v)
        if spec == "usd":
            return "$%.2f" % self.v
        return format(self.v, spec)

m = Money(3.5)
print(format(m), format(m, "usd"), format(m, ">8.1f"))
print(f"{m}|{m:usd}|{m:08.3f}")
print("{}|{:usd}".format(m, m))
class Plain:
    def __str__(self):
        return "plain"
print(format(Plain()), f"{Plain()}")
try:
    format(Plain(), "x")
except TypeError as e:
    print(e)
