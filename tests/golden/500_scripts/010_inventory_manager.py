"""An inventory manager a student might write: classes, properties, exceptions, sorting,
string formatting, dict/list comprehensions and a small command interpreter."""


class InventoryError(Exception):
    """Base class for inventory problems."""


class OutOfStock(InventoryError):
    def __init__(self, sku, wanted, have):
        super().__init__(f"{sku}: wanted {wanted}, only {have} left")
        self.sku = sku
        self.wanted = wanted
        self.have = have


class UnknownItem(InventoryError, KeyError):
    pass


class Item:
    _next_id = 1

    def __init__(self, sku, name, price, qty=0, tags=()):
        if price < 0:
            raise ValueError(f"negative price for {sku}")
        self.sku = sku
        self.name = name
        self._price = price
        self.qty = qty
        self.tags = set(tags)
        self.id = Item._next_id
        Item._next_id += 1

    @property
    def price(self):
        return self._price

    @price.setter
    def price(self, value):
        if value < 0:
            raise ValueError("price must be >= 0")
        self._price = round(value, 2)

    @property
    def value(self):
        return round(self.price * self.qty, 2)

    def __repr__(self):
        return f"Item({self.sku!r}, {self.name!r}, {self.price}, qty={self.qty})"

    def __str__(self):
        return f"#{self.id:<3}{self.sku:<8}{self.name:<14}{self.price:>8.2f}{self.qty:>5}{self.value:>10.2f}"

    def __eq__(self, other):
        return isinstance(other, Item) and self.sku == other.sku

    def __hash__(self):
        return hash(self.sku)

    def __lt__(self, other):
        return (self.name, self.sku) < (other.name, other.sku)


class Inventory:
    def __init__(self, name):
        self.name = name
        self._items = {}
        self.log = []

    def __len__(self):
        return len(self._items)

    def __contains__(self, sku):
        return sku in self._items

    def __iter__(self):
        return iter(sorted(self._items.values()))

    def __getitem__(self, sku):
        try:
            return self._items[sku]
        except KeyError:
            raise UnknownItem(sku) from None

    def add(self, item):
        if item.sku in self._items:
            self._items[item.sku].qty += item.qty
            self.log.append(("restock", item.sku, item.qty))
        else:
            self._items[item.sku] = item
            self.log.append(("new", item.sku, item.qty))
        return self

    def remove(self, sku, qty):
        item = self[sku]
        if qty > item.qty:
            raise OutOfStock(sku, qty, item.qty)
        item.qty -= qty
        self.log.append(("sold", sku, qty))
        return item.price * qty

    def total_value(self):
        return round(sum(i.value for i in self._items.values()), 2)

    def by_tag(self):
        tags = {}
        for item in self:
            for t in sorted(item.tags):
                tags.setdefault(t, []).append(item.sku)
        return tags

    def low_stock(self, threshold=5):
        return [i.sku for i in self if i.qty < threshold]

    def report(self):
        lines = [f"== {self.name} ({len(self)} items) =="]
        lines += [str(i) for i in self]
        lines.append(f"{'total':>47}{self.total_value():>10.2f}")
        return "\n".join(lines)


inv = Inventory("Main store")
inv.add(Item("A100", "widget", 2.50, 10, ["tools", "small"]))
inv.add(Item("B200", "gadget", 12.99, 3, ["tools"]))
inv.add(Item("C300", "doohickey", 0.75, 100, ["small", "bulk"]))
inv.add(Item("A100", "widget", 2.50, 5))
print(inv.report())
print(len(inv), "A100" in inv, "Z999" in inv)

commands = [
    ("sell", "A100", 4), ("sell", "B200", 5), ("sell", "Z999", 1), ("price", "C300", 0.8),
    ("price", "B200", -1), ("sell", "C300", 99), ("new", "D400", "thingamajig", -3),
    ("new", "D400", "thingamajig", 7.25),
]
revenue = 0
for cmd, *args in commands:
    try:
        if cmd == "sell":
            got = inv.remove(*args)
            revenue += got
            print(f"sold {args[1]} x {args[0]} for {got:.2f}")
        elif cmd == "price":
            inv[args[0]].price = args[1]
            print(f"price of {args[0]} is now {inv[args[0]].price}")
        elif cmd == "new":
            inv.add(Item(args[0], args[1], args[2], 1, ["new"]))
            print("added", repr(inv[args[0]]))
    except OutOfStock as e:
        print("out of stock:", e, (e.wanted, e.have))
    except UnknownItem as e:
        print("unknown item:", e, isinstance(e, KeyError))
    except (ValueError, InventoryError) as e:
        print(type(e).__name__ + ":", e)
print(f"revenue: {revenue:.2f}")
print(inv.report())
print(inv.by_tag())
print(inv.low_stock(), inv.low_stock(threshold=50))
print(sorted(set(inv), key=lambda i: -i.value)[0].sku)
counts = {}
for action, sku, qty in inv.log:
    counts[action] = counts.get(action, 0) + qty
print(counts)
