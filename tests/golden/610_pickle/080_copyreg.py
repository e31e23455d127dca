# copyreg: reducers registered for a type, and copyreg.__newobj__ named by a __reduce__.
import copyreg, pickle
class Temp:
    def __init__(self, c): self.c = c
def red(t):
    return (Temp, (t.c + 100,))
copyreg.pickle(Temp, red)
print(pickle.loads(pickle.dumps(Temp(1))).c)
class NO:
    def __init__(self, v): self.v = v
    def __reduce__(self):
        return (copyreg.__newobj__, (NO,), {"v": self.v})
print(pickle.loads(pickle.dumps(NO(7))).v)
print(pickle.loads(pickle.dumps([Temp(2)]))[0].c)
