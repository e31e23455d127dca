# upper/lower/title/capitalize/swapcase/casefold.
for s in ("hello world", "HELLO", "hElLo wOrLd", "they're bill's friends", "123abc def",
          "ßtraße", "élan vital", "", "a-b_c d.e"):
    print(repr(s.upper()), repr(s.lower()), repr(s.title()), repr(s.capitalize()),
          repr(s.swapcase()))
print("ÉCOLE".lower(), "ﬁ".upper(), "Straße".casefold())
