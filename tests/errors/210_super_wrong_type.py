class A:
    def hello(self):
        return "A"

class B(A):
    def hello(self):
        return super(B, 42).hello()

B().hello()
