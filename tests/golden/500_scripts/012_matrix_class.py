"""A matrix class with operators: +, -, *, @, scalar reflected ops, ==, indexing, iteration,
transpose, determinant, identity, in-place ops and errors."""


class MatrixError(ValueError):
    pass


class Matrix:
    def __init__(self, rows):
        rows = [list(r) for r in rows]
        if not rows or any(len(r) != len(rows[0]) for r in rows):
            raise MatrixError("rows must be non-empty and of equal length")
        self.rows = rows

    @classmethod
    def identity(cls, n):
        return cls([[1 if i == j else 0 for j in range(n)] for i in range(n)])

    @classmethod
    def zeros(cls, r, c):
        return cls([[0] * c for _ in range(r)])

    @property
    def shape(self):
        return len(self.rows), len(self.rows[0])

    def __repr__(self):
        return f"Matrix({self.rows})"

    def __str__(self):
        width = max(len(str(v)) for row in self.rows for v in row)
        return "\n".join("[" + " ".join(str(v).rjust(width) for v in row) + "]" for row in self.rows)

    def __getitem__(self, idx):
        if isinstance(idx, tuple):
            r, c = idx
            return self.rows[r][c]
        return self.rows[idx]

    def __setitem__(self, idx, value):
        r, c = idx
        self.rows[r][c] = value

    def __iter__(self):
        for row in self.rows:
            yield from row

    def __len__(self):
        return len(self.rows)

    def __eq__(self, other):
        if not isinstance(other, Matrix):
            return NotImplemented
        return self.rows == other.rows

    __hash__ = None

    def _check_same(self, other, op):
        if self.shape != other.shape:
            raise MatrixError(f"shape mismatch for {op}: {self.shape} vs {other.shape}")

    def __add__(self, other):
        if isinstance(other, (int, float)):
            return Matrix([[v + other for v in row] for row in self.rows])
        if not isinstance(other, Matrix):
            return NotImplemented
        self._check_same(other, "+")
        return Matrix([[a + b for a, b in zip(r1, r2)] for r1, r2 in zip(self.rows, other.rows)])

    __radd__ = __add__

    def __neg__(self):
        return self * -1

    def __sub__(self, other):
        return self + (-other)

    def __rsub__(self, other):
        return (-self) + other

    def __mul__(self, k):
        if not isinstance(k, (int, float)):
            return NotImplemented
        return Matrix([[v * k for v in row] for row in self.rows])

    __rmul__ = __mul__

    def __matmul__(self, other):
        if not isinstance(other, Matrix):
            return NotImplemented
        n, m = self.shape
        m2, p = other.shape
        if m != m2:
            raise MatrixError(f"cannot multiply {self.shape} by {other.shape}")
        cols = list(zip(*other.rows))
        return Matrix([[sum(a * b for a, b in zip(row, col)) for col in cols] for row in self.rows])

    def __imatmul__(self, other):
        self.rows = (self @ other).rows
        return self

    def __pow__(self, n):
        result = Matrix.identity(len(self))
        base = self
        while n:
            if n & 1:
                result = result @ base
            base = base @ base
            n >>= 1
        return result

    def transpose(self):
        return Matrix(zip(*self.rows))

    T = property(transpose)

    def det(self):
        n, m = self.shape
        if n != m:
            raise MatrixError("determinant of a non-square matrix")
        if n == 1:
            return self.rows[0][0]
        if n == 2:
            (a, b), (c, d) = self.rows
            return a * d - b * c
        total = 0
        for j, v in enumerate(self.rows[0]):
            minor = Matrix([row[:j] + row[j + 1:] for row in self.rows[1:]])
            total += (-1) ** j * v * minor.det()
        return total


A = Matrix([[1, 2], [3, 4]])
B = Matrix([[0, 1], [1, 0]])
print(A)
print(repr(A + B), repr(A - B), repr(2 * A), repr(A * 3), repr(10 + A), repr(1 - A))
print(A @ B)
print((A @ Matrix.identity(2)) == A, A == B, A != B, A == "A")
print(A.T, A.transpose() == A.T, sep="\n")
print(A.det(), Matrix([[2, 0, 1], [1, 3, 2], [1, 1, 1]]).det())
print(list(A), sum(A), max(A), len(A), A[1], A[1, 0], A.shape)
F = Matrix([[1, 1], [1, 0]])
print((F ** 10)[0, 1], [(F ** n)[0, 1] for n in range(1, 12)])
C = Matrix.zeros(2, 3)
C[1, 2] = 7
print(C, C.shape)
M = A
M @= B
print(M is A, A)
for bad in (lambda: A + C, lambda: A @ Matrix([[1, 2, 3]]), lambda: Matrix([[1], [2, 3]]),
            lambda: C.det(), lambda: A * A, lambda: A @ 2, lambda: {A}):
    try:
        bad()
    except (MatrixError, TypeError) as e:
        print(type(e).__name__ + ":", e)
