class Lock:
    def __init__(self):
        self.held = False
    def __enter__(self):
        assert not self.held
        self.held = True
        return self
    def __exit__(self, *a):
        self.held = False
lock = Lock()
counter = 0
def increment():
    global counter
    with lock:
        counter += 1
for _ in range(100):
    increment()
print(counter, lock.held)
try:
    with lock:
        raise ValueError
except ValueError:
    print("released:", not lock.held)
