# keyword: the keyword lists and iskeyword.
import keyword

print(len(keyword.kwlist), keyword.kwlist[:5], keyword.softkwlist)
print([w for w in ["if", "match", "print", "None", "async", "self", "_", "case"] if keyword.iskeyword(w)])
print(keyword.issoftkeyword("match"), keyword.issoftkeyword("if"), keyword.iskeyword("True"))
print(sorted(keyword.kwlist) == keyword.kwlist, "lambda" in keyword.kwlist)
