# Implicit joining inside brackets and explicit backslash joining.
total = 1 + \
    2 + \
        3
print(total)
values = [
    1,
  2,
        3,   # comment inside brackets
]
print(values)
d = {'a':
     1, 'b': (2,
3)}
print(d)
print(len("abc"
          "def"))
if 1 and \
   2:
    print("joined condition")
def f(a,
      b=(1,
         2)):
    return (a,
            b)
print(f(
    0))
s = ("a"
     'b'
     """c""")
print(s)
