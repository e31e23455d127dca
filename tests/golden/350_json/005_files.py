# json.dump and json.load with files.
import json
import os

path = "/tmp/gilpy_test_350_json_005.json"
data = {"users": [{"name": "ann", "age": 31}, {"name": "bob", "age": 27}], "count": 2}
with open(path, "w") as f:
    json.dump(data, f, indent=2, sort_keys=True)
with open(path) as f:
    text = f.read()
print(text)
with open(path) as f:
    loaded = json.load(f)
print(loaded == data, loaded["users"][1]["name"], sum(u["age"] for u in loaded["users"]))
with open(path, "w") as f:
    json.dump([1, "two", None], f)
with open(path) as f:
    print(f.read())
with open(path, "w") as f:
    f.write('{"broken": ')
with open(path) as f:
    try:
        json.load(f)
    except json.JSONDecodeError as e:
        print(type(e).__name__, e)
os.remove(path)
