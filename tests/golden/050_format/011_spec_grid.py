# format() of ints and floats under many valid specs.
ints = [0, 7, -7, 255, -4096, 10**12, -(2**64)]
int_specs = ["", "d", "5", "<6", "^7", ">8", "=+9", "+", "-", " ", "08", "x", "#x", "X", "#X",
             "o", "#o", "b", "#010b", ",", "_", "_x", "_b", ",d", "e", ".2e", "f", ".1f", "%",
             "g", "*^12,", "0=10", "n", "c" if False else "d"]
for v in ints:
    row = []
    for spec in int_specs:
        row.append(format(v, spec))
    print(v, row)
floats = [0.0, -0.0, 1.0, -1.5, 3.14159, 1e-7, 123456.789, 1e16, -2.5e-300, float("inf"), float("nan")]
float_specs = ["", "f", ".0f", ".3f", "10.2f", "<10.1f", "^11.3e", "+.2e", "E", "g", ".3g", ".10g",
               "G", "%", ".1%", ",.2f", "_.3f", "012.4f", "=+12.2f", " .1f", "#.0f", "#g", ".0e",
               "#.0e", "8", ".2", ".15g", ".17g", "n"]
for v in floats:
    row = []
    for spec in float_specs:
        row.append(format(v, spec))
    print(repr(v), row)
strs = ["", "a", "héllo", "😀x"]
str_specs = ["", "s", "5", "<5", ">5", "^6", "*^7", ".2", "8.3", "-<4", "0>4"]
for v in strs:
    row = []
    for spec in str_specs:
        row.append(format(v, spec))
    print(repr(v), row)
