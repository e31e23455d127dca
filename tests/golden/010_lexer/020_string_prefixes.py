# Every string prefix spelling: u, r, b, f and their combinations in any case.
print(u"unicode", U"upper u", r"\raw", R"\RAW", b"b", B"B", f"{1 + 1}", F"{2 + 2}")
print(rb"\x", rB"\x", Rb"\x", RB"\x", br"\y", bR"\y", Br"\y", BR"\y")
print(fr"\{3}", fR"\{3}", Fr"\{3}", FR"\{3}", rf"\{4}", rF"\{4}", Rf"\{4}", RF"\{4}")
match = 3
case = 4
_ = 5
print(match + case + _, u"a" "b" r"\c")
