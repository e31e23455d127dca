# json.loads: values, nesting, escapes, hooks and round trips.
import json

print(json.loads('[1, 2.0, -0.5e3, 1E2, 1e-2, true, false, null, "s"]'))
print(json.loads('{"a": {"b": [1, {"c": []}]}, "d": ""}'))
print(json.loads(' {"x" : 1 ,\n "y":[ ] } '), json.loads("\t[\r\n]\n"))
print(json.loads('"\\u00e9\\ud834\\udd1e\\n\\t\\"\\\\\\/"') == "é\U0001d11e\n\t\"\\/")
print(json.loads('-0'), json.loads('-0.0'), json.loads('123456789012345678901234567890'), json.loads('1.5e300'))
print(json.loads('[NaN, Infinity, -Infinity]'), json.loads('{"a": 1, "a": 2}'))
print(json.loads('"日本 ☃"'), json.loads('"\\u65e5"'), json.loads('"a\\u0000b"') == "a\x00b")
print(json.loads('{"a": 1}', object_hook=lambda d: sorted(d.items())))
print(json.loads('{"b": 1, "a": 2}', object_pairs_hook=list))
print(json.loads('[1.5, 2]', parse_float=str, parse_int=float))
print(json.loads('[NaN]', parse_constant=lambda name: "const " + name))
print(json.loads(b'[1, "b"]'), json.loads('"tab\there"', strict=False))
print(json.JSONDecoder().decode('[2]'), json.JSONDecoder().raw_decode('[2] rest'))
data = {"name": "gilpy", "tags": ["a", "b"], "n": 3, "f": 0.1, "none": None, "nested": {"t": True}}
for kw in [{}, {"indent": 2}, {"sort_keys": True}, {"ensure_ascii": False}]:
    text = json.dumps(data, **kw)
    print(json.loads(text) == data, len(text))
print(json.loads(json.dumps("é☃𝄞")) == "é☃𝄞")
try:
    json.loads(5)
except TypeError as e:
    print(type(e).__name__, e)
