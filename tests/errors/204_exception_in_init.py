class Connection:
    def __init__(self, host, port):
        self.host = host
        self.port = int(port)

def connect(spec):
    host, port = spec.split(":")
    return Connection(host, port)

connect("localhost:eighty")
