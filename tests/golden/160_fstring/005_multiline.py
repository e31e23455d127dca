# Triple-quoted and concatenated f-strings.
name = "gilpy"
ver = 1
msg = (f"name: {name}\n"
       f"version: {ver}\n"
       "plain part {not formatted}\n"
       f"{'end'}")
print(msg)
print(f"""a {name}
b {ver + 1}
c""")
print(f"{name}" "-" f"{ver}", f"{{}}" "{}")
