# json.loads errors: JSONDecodeError with CPython's messages, positions, lines and columns.
import json

bad = ['', ' ', '[', '[1,', '[1,]', '[1 2]', '{', '{"a"', '{"a":', '{"a" 1}', '{"a":1,}',
       '{"a":1 "b":2}', '{1: 2}', "{'a': 1}", '"abc', '"a\x01b"', '"\\x"', '"\\u12"',
       '"\\u12zz"', 'tru', 'nul', '01', '1.', '1.5e', '-', '--1', '[1]x', '1 2',
       '\n\n  [1,\n  2,,]', 'NaNa', '"\\', '{"a":1}}', '[-]', '.5', '{"a":1,"b"}',
       ' {\n"a": tru}', '"\\ud834\\u12"', '"ab\\ud834\\uzzzz"', '"\\u"', '"ab\\u123',
       '[1, 2, 3', '{"a": [1, 2}', 'True', 'None', "[1,\n\n\n x]"]
for s in bad:
    try:
        print(repr(json.loads(s)))
    except json.JSONDecodeError as e:
        print(type(e).__name__, e, "|", e.msg, e.pos, e.lineno, e.colno)
print(issubclass(json.JSONDecodeError, ValueError))
try:
    json.loads("[1, 2,")
except ValueError as e:
    print("as ValueError:", e, e.doc)
