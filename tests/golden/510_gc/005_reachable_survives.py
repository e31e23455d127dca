import gc
class Box:
    pass
keep = []
for i in range(1000):
    b = Box()
    b.me = b
    b.i = i
    if i % 100 == 0:
        keep.append(b)
del b
gc.collect()
print([k.i for k in keep], all(k.me is k for k in keep))
root = {"children": []}
for i in range(10):
    child = {"parent": root, "i": i}
    root["children"].append(child)
del child
gc.collect()
print([c["i"] for c in root["children"]], root["children"][3]["parent"] is root)
