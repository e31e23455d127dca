# sys.exit() with no argument exits with status 0 and prints nothing to stderr.
import sys
print("about to exit")
sys.exit()
print("never printed")
