import sys, traceback
class Stack:
    def __init__(self):
        self.items = []
    def pop(self):
        return self.items.pop()
def process(s):
    return s.pop() * 2
try:
    process(Stack())
except IndexError:
    traceback.print_exc(file=sys.stdout)
