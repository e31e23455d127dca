# SyntaxError: list items without a comma between them.
items = [1, 2 3]
