# splitlines handles every line boundary, with and without keepends.
s = "one\ntwo\r\nthree\rfour\n\nfive"
print(s.splitlines(), s.splitlines(True), s.splitlines(keepends=True))
print("".splitlines(), "\n".splitlines(), "a\n".splitlines(), "a\n\n".splitlines(True))
print("x\x0by\x0cz\x1cw\x85v\u2028u".splitlines())
