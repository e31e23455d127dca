"""Data structures from scratch: a linked list with __iter__/__len__/__getitem__/__reversed__,
a stack built on it, and a bracket checker and RPN calculator that use the stack."""


class Node:
    __slots__ = ("value", "next")

    def __init__(self, value, next=None):
        self.value = value
        self.next = next


class LinkedList:
    def __init__(self, items=()):
        self.head = None
        self.size = 0
        for x in reversed(list(items)):
            self.push_front(x)

    def push_front(self, v):
        self.head = Node(v, self.head)
        self.size += 1

    def pop_front(self):
        if self.head is None:
            raise IndexError("pop from empty list")
        node = self.head
        self.head = node.next
        self.size -= 1
        return node.value

    def __len__(self):
        return self.size

    def __iter__(self):
        node = self.head
        while node:
            yield node.value
            node = node.next

    def __getitem__(self, i):
        if i < 0:
            i += self.size
        for j, v in enumerate(self):
            if j == i:
                return v
        raise IndexError("linked list index out of range")

    def __reversed__(self):
        return reversed(list(self))

    def __repr__(self):
        return "LinkedList([" + ", ".join(map(repr, self)) + "])"


class Stack(LinkedList):
    push = LinkedList.push_front
    pop = LinkedList.pop_front

    def peek(self):
        return self.head.value if self.head else None


def balanced(text):
    pairs = {")": "(", "]": "[", "}": "{"}
    s = Stack()
    for ch in text:
        if ch in "([{":
            s.push(ch)
        elif ch in pairs:
            if s.peek() != pairs[ch]:
                return False
            s.pop()
    return len(s) == 0


def rpn(expr):
    ops = {"+": lambda a, b: a + b, "-": lambda a, b: a - b,
           "*": lambda a, b: a * b, "/": lambda a, b: a / b}
    s = Stack()
    for tok in expr.split():
        if tok in ops:
            b, a = s.pop(), s.pop()
            s.push(ops[tok](a, b))
        else:
            s.push(float(tok) if "." in tok else int(tok))
    if len(s) != 1:
        raise ValueError(f"malformed expression: {expr!r}")
    return s.pop()


ll = LinkedList([1, 2, 3, 4])
print(ll, len(ll), ll[0], ll[-1], list(reversed(ll)), 3 in ll, sum(ll))
try:
    ll[10]
except IndexError as e:
    print(e)
for t in ["(a[b]{c})", "(]", "((", "", "{[()()]}"]:
    print(repr(t), balanced(t))
for e in ["3 4 +", "5 1 2 + 4 * + 3 -", "2 3.5 *", "1 +", "1 2"]:
    try:
        print(e, "=", rpn(e))
    except (IndexError, ValueError) as err:
        print(e, "->", type(err).__name__, err)
