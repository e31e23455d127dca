"""keyword: the keywords of Python 3.11 (the list CPython's Lib/keyword.py holds).

iskeyword(s) tells whether s is a keyword, issoftkeyword(s) whether it is a soft keyword.
"""

__all__ = ["iskeyword", "issoftkeyword", "kwlist", "softkwlist"]

kwlist = [
    'False',
    'None',
    'True',
    'and',
    'as',
    'assert',
    'async',
    'await',
    'break',
    'class',
    'continue',
    'def',
    'del',
    'elif',
    'else',
    'except',
    'finally',
    'for',
    'from',
    'global',
    'if',
    'import',
    'in',
    'is',
    'lambda',
    'nonlocal',
    'not',
    'or',
    'pass',
    'raise',
    'return',
    'try',
    'while',
    'with',
    'yield',
]

softkwlist = [
    '_',
    'case',
    'match',
]

_keywords = frozenset(kwlist)
_soft_keywords = frozenset(softkwlist)


def iskeyword(s):
    """True when s is one of Python's keywords."""
    return s in _keywords


def issoftkeyword(s):
    """True when s is one of Python's soft keywords (match, case, _)."""
    return s in _soft_keywords
