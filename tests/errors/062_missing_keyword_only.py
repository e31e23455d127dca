# TypeError: a keyword-only argument not given.
def connect(host, *, port):
    return host, port
connect("localhost")
