# Helper for tests/cli: prints its argv and exits with status 0.
import sys
print(sys.argv)
print(len(sys.argv), sys.argv[0].endswith("argv.py"))
