# Keyword arguments in any order.
def describe(name, age, city="nowhere"):
    return name + " is " + str(age) + " and lives in " + city
print(describe("Ann", 30))
print(describe(age=5, name="Bob"))
print(describe("Cy", city="Rome", age=40))
print(describe(*["Di", 20]), describe(**{"name": "Ed", "age": 1, "city": "Oslo"}))
