class Temperature:
    def __init__(self, c):
        self.c = c
    def __str__(self):
        return f"{self.c:.1f}°C"
    def __repr__(self):
        return f"Temperature({self.c!r})"
    def __lt__(self, o):
        return self.c < o.c
    def __eq__(self, o):
        return self.c == o.c
    def __hash__(self):
        return hash(self.c)
ts = [Temperature(x) for x in (21.5, 19, 25.25)]
print(ts)
print(*ts)
print(sorted(ts))
print(max(ts), min(ts))
print(", ".join(str(t) for t in ts))
print({t: str(t) for t in ts})
