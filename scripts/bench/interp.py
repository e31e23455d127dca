# Benchmark: a tiny tree-walking interpreter (one class per node kind, virtual `run` methods,
# an environment object, dict lookups by name), running a loop-heavy program.


class Env:
    def __init__(self):
        self.vars = {}

    def get(self, name):
        return self.vars[name]

    def set(self, name, value):
        self.vars[name] = value


class Node:
    pass


class Num(Node):
    def __init__(self, value):
        self.value = value

    def run(self, env):
        return self.value


class Var(Node):
    def __init__(self, name):
        self.name = name

    def run(self, env):
        return env.get(self.name)


class BinOp(Node):
    def __init__(self, left, right):
        self.left = left
        self.right = right


class Add(BinOp):
    def run(self, env):
        return self.left.run(env) + self.right.run(env)


class Sub(BinOp):
    def run(self, env):
        return self.left.run(env) - self.right.run(env)


class Mul(BinOp):
    def run(self, env):
        return self.left.run(env) * self.right.run(env)


class Mod(BinOp):
    def run(self, env):
        return self.left.run(env) % self.right.run(env)


class Less(BinOp):
    def run(self, env):
        return self.left.run(env) < self.right.run(env)


class Assign(Node):
    def __init__(self, name, expr):
        self.name = name
        self.expr = expr

    def run(self, env):
        env.set(self.name, self.expr.run(env))


class Block(Node):
    def __init__(self, *body):
        self.body = body

    def run(self, env):
        for stmt in self.body:
            stmt.run(env)


class While(Node):
    def __init__(self, cond, body):
        self.cond = cond
        self.body = body

    def run(self, env):
        count = 0
        while self.cond.run(env):
            self.body.run(env)
            count += 1
        return count


class If(Node):
    def __init__(self, cond, then, orelse):
        self.cond = cond
        self.then = then
        self.orelse = orelse

    def run(self, env):
        if self.cond.run(env):
            self.then.run(env)
        else:
            self.orelse.run(env)


def program(n):
    # i = 0; total = 0; odd = 0
    # while i < n:
    #     if i % 3 < 1: total = total + i * 2
    #     else: odd = (odd + i) % 1000003
    #     i = i + 1
    return Block(
        Assign("i", Num(0)),
        Assign("total", Num(0)),
        Assign("odd", Num(0)),
        While(Less(Var("i"), Num(n)), Block(
            If(Less(Mod(Var("i"), Num(3)), Num(1)),
               Assign("total", Add(Var("total"), Mul(Var("i"), Num(2)))),
               Assign("odd", Mod(Add(Var("odd"), Var("i")), Num(1000003)))),
            Assign("i", Add(Var("i"), Num(1))),
        )),
    )


env = Env()
program(300000).run(env)
print(env.get("i"), env.get("total"), env.get("odd"))
