# SyntaxError: a triple-quoted string that never ends.
print("start")
text = """this string
never ends
