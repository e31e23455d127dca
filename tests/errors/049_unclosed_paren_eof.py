# SyntaxError: a call left open at the end of the file.
print("a",
      "b"
