import sys

def validate(args):
    if len(args) < 5:
        print("not enough arguments")
        sys.exit(2)

def main():
    validate(["a"])

main()
