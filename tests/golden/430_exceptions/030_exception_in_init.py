class Resource:
    def __init__(self, name, size):
        print("init start", name)
        if size < 0:
            raise ValueError(f"bad size {size} for {name}")
        self.name = name
        self.size = size
        print("init done", name)
made = []
for args in (("a", 1), ("b", -1), ("c", 3)):
    try:
        made.append(Resource(*args))
    except ValueError as e:
        print("failed:", e)
print([r.name for r in made])
class Child(Resource):
    def __init__(self):
        try:
            super().__init__("child", -5)
        except ValueError:
            print("child recovers")
            self.name = "fallback"
print(Child().name)
