# SyntaxError: for without a loop variable.
for in range(3):
    print("x")
