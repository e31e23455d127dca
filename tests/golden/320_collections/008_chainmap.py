# collections.ChainMap: lookups through several mappings, writes to the first.
from collections import ChainMap

defaults = {"color": "red", "user": "guest", "size": 1}
env = {"user": "admin"}
cli = {"size": 3}
cm = ChainMap(cli, env, defaults)
print(cm["color"], cm["user"], cm["size"], len(cm), sorted(cm), "user" in cm, "x" in cm)
print(cm.get("nope", "default"), dict(cm) == {"color": "red", "user": "admin", "size": 3})
print(cm)
cm["color"] = "blue"
print(cli, defaults["color"])
child = cm.new_child({"user": "root"})
print(child["user"], child.parents["user"], len(child.maps))
del cm["color"]
print(cm["color"], cm.maps[0])
try:
    del cm["user"]
except KeyError as e:
    print(type(e).__name__, e)
try:
    cm["missing"]
except KeyError as e:
    print(type(e).__name__, e)
print(ChainMap(), bool(ChainMap()), bool(ChainMap({}, {"a": 1})))
print(list(ChainMap({"b": 1}, {"a": 2, "b": 3}).items()))
