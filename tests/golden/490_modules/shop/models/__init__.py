print("shop.models runs:", __name__, __package__)
