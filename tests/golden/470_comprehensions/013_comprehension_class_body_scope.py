class Config:
    names = ["a", "b"]
    upper = [n.upper() for n in names]
    pairs = {n: i for i, n in enumerate(names)}
print(Config.upper, Config.pairs)
class Broken:
    factor = 3
    try:
        scaled = [factor * x for x in range(3)]
    except NameError as e:
        scaled = "NameError: " + str(e)
print(Broken.scaled)
