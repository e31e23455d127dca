# Matrix multiplication and transposition with nested lists.
def matmul(a, b):
    rows, inner, cols = len(a), len(b), len(b[0])
    out = []
    for i in range(rows):
        row = []
        for j in range(cols):
            s = 0
            for k in range(inner):
                s += a[i][k] * b[k][j]
            row.append(s)
        out.append(row)
    return out
def transpose(m):
    t = []
    for j in range(len(m[0])):
        col = []
        for row in m:
            col.append(row[j])
        t.append(col)
    return t
a = [[1, 2, 3], [4, 5, 6]]
b = [[7, 8], [9, 10], [11, 12]]
print(matmul(a, b), transpose(a))
fibm = [[1, 1], [1, 0]]
r = [[1, 0], [0, 1]]
for i in range(100):
    r = matmul(r, fibm)
print(r[0][1])
