A = [[1, 2], [3, 4]]
B = [[5, 6], [7, 8]]
prod = [[sum(a * b for a, b in zip(row, col)) for col in zip(*B)] for row in A]
print(prod)
ident = [[int(i == j) for j in range(3)] for i in range(3)]
print(ident)
flat = [v for row in prod for v in row]
print(flat, sum(flat))
print({i: [v for v in row if v > 20] for i, row in enumerate(prod)})
