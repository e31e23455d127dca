# The = specifier prints the expression text (with its spaces) and the repr.
a = 5
s = "hi"
print(f"{a=}", f"{a = }", f"{a=:>4}", f"{s=}", f"{s=!s}", f"{a * 2 = }", f"{len(s)=}")
print(f"{a=}{s=}", f"{3.0=}", f"{a+1=:.2f}")
