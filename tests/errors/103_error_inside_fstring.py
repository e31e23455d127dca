# An error inside an f-string replacement field.
data = {"a": 1}
print(f"value: {data['b']}")
