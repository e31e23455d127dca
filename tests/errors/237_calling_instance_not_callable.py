class Task:
    def __init__(self, name):
        self.name = name

tasks = [Task("a"), Task("b")]
for t in tasks:
    t()
