# find/rfind/index/rindex with start and end.
s = "hello world, hello"
print(s.find("hello"), s.rfind("hello"), s.find("o"), s.rfind("o"), s.find("z"))
print(s.find("o", 5), s.find("o", 5, 7), s.find("o", -6), s.find("", 3), s.find("", 100))
print(s.rfind("o", 0, 10), s.rfind("", 5), s.rfind("l", -5, -1), s.find("hello", 1))
print(s.index("world"), s.rindex("l"), s.index("h", 1), "abc".find("c", -1))
print("aaa".find("aa"), "aaa".rfind("aa"), "".find(""), "".find("a"), "abc".find("", 3))
