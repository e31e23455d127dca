# string.Template: $name, ${name}, $$, substitute, safe_substitute, errors.
from string import Template

t = Template("$who likes ${what}; it costs $$10, says $who")
print(t.substitute(who="tim", what="kung pao"))
print(t.substitute({"who": "ann", "what": "tea"}, what="coffee"))
print(t.safe_substitute(who="x"))
print(t.get_identifiers(), t.is_valid(), t.template)
print(Template("$a$b_c ${d}e ${a}").substitute(a=1, b_c=2, d=3))
print(Template("no placeholders").substitute(), Template("$x").substitute(x=[1, 2]))
print(Template("100$$ and $$$x").substitute(x=5))
for s in ["bad $ here", "x\ny ${1}", "$", "ok ${a", "line1\nline2 $!"]:
    try:
        print(Template(s).substitute(a=1))
    except ValueError as e:
        print(type(e).__name__, e)
    print(repr(Template(s).safe_substitute(a=1)), Template(s).is_valid())
try:
    Template("$missing here").substitute()
except KeyError as e:
    print(type(e).__name__, e)
try:
    Template("${1}").get_identifiers()
except ValueError as e:
    print(type(e).__name__, e)
rows = [("apple", 3), ("pear", 10)]
line = Template("$name: $count item(s)")
for name, count in rows:
    print(line.substitute(name=name, count=count))
