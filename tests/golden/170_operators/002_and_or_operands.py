# and/or return one of their operands and short-circuit.
def t(label, v):
    print("eval", label)
    return v
print(1 and 2, 0 and 2, 1 or 2, 0 or 2, "" or "default", [] and "x", None or 0)
print(t("a", 0) and t("b", 1))
print(t("c", 1) or t("d", 1))
print(t("e", 1) and t("f", 0) or t("g", "last"))
x = None
print(x or [], x and x.missing, "a" and "b" and "c", "a" or "b" or "c", 0 or "" or None)
print(not "", not "a", not not [], (not 1) is False)
