class Registry(dict):
    def lookup(self, name):
        return self[name]

r = Registry(alpha=1)
r.lookup("beta")
