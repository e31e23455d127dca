import functools
def log_calls(f):
    @functools.wraps(f)
    def w(*a, **k):
        w.calls.append(f.__name__)
        return f(*a, **k)
    w.calls = []
    return w
class Service:
    @log_calls
    def start(self):
        return "started"
    @classmethod
    @log_calls
    def create(cls):
        return cls()
    @staticmethod
    @log_calls
    def version():
        return "1.0"
s = Service.create()
print(s.start(), Service.version(), s.version())
print(Service.start.calls, Service.start.__name__, Service.start.__qualname__)
