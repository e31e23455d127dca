class Temperature:
    def __init__(self, kelvin):
        self.kelvin = kelvin

    @property
    def celsius(self):
        return self.kelvn - 273.15

t = Temperature(300)
print(f"{t.celsius:.1f}")
