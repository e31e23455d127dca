class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __repr__(self):
        return "Point(" + self.x + ", " + self.y + ")"

points = [Point(1, 2)]
print(points)
