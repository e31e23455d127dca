class Tree:
    def __init__(self):
        self.parent = self

    def root(self):
        return self.parent.root()

Tree().root()
