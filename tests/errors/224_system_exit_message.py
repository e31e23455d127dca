import sys
print("checking arguments")
sys.exit("usage: prog FILE")
