# INDENT/DEDENT: several levels closed at once, odd indent widths.
def f(n):
    if n > 0:
        if n > 1:
            if n > 2:
                return "big"
            return "two"
        return "one"
    return "zero"
for i in range(4):
  print(i, f(i))
if True:
 print("one-space indent")
 if True:
          print("ten spaces")
 print("back to one")
print("top")
