# f-strings building a table, with computed widths and alignment.
rows = [("apple", 3, 0.5), ("banana", 12, 0.25), ("cherry", 150, 2.125)]
w = 8
for name, qty, price in rows:
    print(f"|{name:<{w}}|{qty:>5}|{price:>8.2f}|{qty * price:>9,.3f}|")
total = 0.0
for _, qty, price in rows:
    total += qty * price
print(f"{'total':>{w + 15}}{total:>10,.2f}", f"{total=:.1f}", f"{len(rows)!r:^5}|")
