def worker():
    while True:
        item = yield
        print("processing", item)

w = worker()
next(w)
w.send(1)
w.throw(KeyError("stop"))
