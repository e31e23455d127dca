def register(name):
    def deco(func):
        registry[name] = func
        return func
    return deco

@register("main")
def main():
    pass
