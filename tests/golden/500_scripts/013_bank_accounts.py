"""Bank accounts: inheritance, class-level counters, __str__, exceptions with chaining,
a transaction log with generators and a report sorted several ways."""
from collections import defaultdict


class InsufficientFunds(Exception):
    pass


class Account:
    _count = 0
    interest = 0.0

    def __init__(self, owner, balance=0):
        Account._count += 1
        self.number = f"{type(self).__name__[0]}{Account._count:03d}"
        self.owner = owner
        self._balance = balance
        self.history = []

    @property
    def balance(self):
        return self._balance

    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self._balance += amount
        self.history.append(("deposit", amount))

    def withdraw(self, amount):
        if amount > self.available():
            raise InsufficientFunds(f"{self.number}: cannot withdraw {amount}, available {self.available()}")
        self._balance -= amount
        self.history.append(("withdraw", amount))

    def available(self):
        return self._balance

    def month_end(self):
        gain = round(self._balance * self.interest, 2)
        if gain:
            self._balance = round(self._balance + gain, 2)
            self.history.append(("interest", gain))

    def __str__(self):
        return f"{self.number} {self.owner:<6} {self.balance:>10.2f}"


class Savings(Account):
    interest = 0.01


class Checking(Account):
    def __init__(self, owner, balance=0, overdraft=100):
        super().__init__(owner, balance)
        self.overdraft = overdraft

    def available(self):
        return self._balance + self.overdraft


class Bank:
    def __init__(self):
        self.accounts = {}

    def open(self, kind, *args, **kw):
        acct = kind(*args, **kw)
        self.accounts[acct.number] = acct
        return acct

    def transfer(self, src, dst, amount):
        try:
            self.accounts[src].withdraw(amount)
        except KeyError as e:
            raise LookupError(f"no account {src}") from e
        self.accounts[dst].deposit(amount)

    def transactions(self):
        for number, acct in sorted(self.accounts.items()):
            for kind, amount in acct.history:
                yield number, kind, amount


bank = Bank()
a = bank.open(Savings, "ann", 1000)
b = bank.open(Checking, "bob", 50)
c = bank.open(Checking, "cy", overdraft=0, balance=10)
for src, dst, amt in [(a.number, b.number, 200), (b.number, c.number, 300),
                      (b.number, c.number, 100), ("X999", a.number, 1), (c.number, a.number, 500)]:
    try:
        bank.transfer(src, dst, amt)
        print("ok", src, "->", dst, amt)
    except InsufficientFunds as e:
        print("refused:", e)
    except LookupError as e:
        print("error:", e, "| cause:", type(e.__cause__).__name__)
try:
    a.deposit(-5)
except ValueError as e:
    print("ValueError:", e)
for acct in bank.accounts.values():
    acct.month_end()
for acct in sorted(bank.accounts.values(), key=lambda x: x.balance, reverse=True):
    print(acct)
totals = defaultdict(float)
for number, kind, amount in bank.transactions():
    totals[kind] += amount
print(dict(totals))
print(sum(1 for _ in bank.transactions()), Account._count)
print([type(x).__name__ for x in bank.accounts.values()], isinstance(b, Account))
