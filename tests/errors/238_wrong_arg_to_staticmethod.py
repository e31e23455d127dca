class MathUtil:
    @staticmethod
    def clamp(value, low, high):
        return max(low, min(value, high))

m = MathUtil()
print(m.clamp(5, 0, 10))
print(m.clamp(5, 0))
