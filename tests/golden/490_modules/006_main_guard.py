import mod_mainguard
print("test __name__:", __name__)
if __name__ == "__main__":
    print("running as main")
mod_mainguard.main()
import sys
print(sys.modules["__main__"].__name__, "__main__" in sys.modules)
