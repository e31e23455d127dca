# ValueError: str.index of a missing substring.
"hello".index("z")
