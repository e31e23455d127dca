# json.dumps: every type, escapes, ensure_ascii.
import json

print(json.dumps({"name": "gilpy", "ok": True, "none": None, "pi": 3.14159, "n": [1, 2, 3]}))
print(json.dumps([1, 2.5, -3, 1e100, 1e-7, 10 ** 20, 0.1 + 0.2, -0.0, 3.0]))
print(json.dumps("x"), json.dumps(None), json.dumps(True), json.dumps(False), json.dumps(12), json.dumps(3.0))
print(json.dumps((1, 2)), json.dumps([]), json.dumps({}), json.dumps([[]]), json.dumps({"a": {}}))
print(json.dumps({1: 2, 2.5: 3, True: 4, False: 5, None: 6}))
print(json.dumps("tab\there \"quoted\" back\\slash /slash\nnewline \x01\x1f \b\f\r"))
print(json.dumps("é ☃ 𝄞 日本"))
print(json.dumps("é ☃ 𝄞 日本", ensure_ascii=False))
print(json.dumps({"ключ": "значение"}), json.dumps({"ключ": "значение"}, ensure_ascii=False))
print(json.dumps([float("inf"), float("-inf"), float("nan")]))


class Money(float):
    pass


class Count(int):
    pass


print(json.dumps([Money(2.5), Count(7), True]))
print(json.dumps({"nested": {"list": [1, {"deep": [None]}]}}))
