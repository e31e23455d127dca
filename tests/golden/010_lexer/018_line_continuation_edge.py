# Backslash continuation in odd places.
x = [1,
     2] + \
    [3]
print(x)
if x and \
        len(x) == 3:
    print("ok")
s = "abc\
def"
print(s)
y = 1 \
  + 2 \
  + 3
print(y)
def f(a,
      b
      ):
    return a + \
        b
print(f(1,
        2
        ))
print("a" \
      "b")
