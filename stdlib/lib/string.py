"""A collection of string constants.

Public module variables:

whitespace -- a string containing all ASCII whitespace
ascii_lowercase -- a string containing all ASCII lowercase letters
ascii_uppercase -- a string containing all ASCII uppercase letters
ascii_letters -- a string containing all ASCII letters
digits -- a string containing all ASCII decimal digits
hexdigits -- a string containing all ASCII hexadecimal digits
octdigits -- a string containing all ASCII octal digits
punctuation -- a string containing all ASCII punctuation characters
printable -- a string containing all ASCII characters considered printable

gilpy's version of CPython 3.11's Lib/string.py. CPython's Template finds placeholders
with a regular expression; gilpy has no `re` module yet, so Template scans the text by
hand, with the same rules: $$ is an escape, $identifier and ${identifier} are
placeholders (identifiers are ASCII), and any other $ is an invalid placeholder.
string.Formatter is not provided.
"""

__all__ = ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "capwords",
           "digits", "hexdigits", "octdigits", "printable", "punctuation",
           "whitespace", "Template"]

# Some strings for ctype-style character classification
whitespace = ' \t\n\r\v\f'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


# Functions which aren't available as string methods.

# Capitalize the words in a string, e.g. " aBc  dEf " -> "Abc Def".
def capwords(s, sep=None):
    """capwords(s [,sep]) -> string

    Split the argument into words using split, capitalize each
    word using capitalize, and join the capitalized words using
    join.  If the optional second argument sep is absent or None,
    runs of whitespace characters are replaced by a single space
    and leading and trailing whitespace are removed, otherwise
    sep is used to split and join the words.

    """
    return (sep or ' ').join(map(str.capitalize, s.split(sep)))


####################################################################

_sentinel_dict = {}

_IDENT_START = '_' + ascii_letters
_IDENT_CHARS = _IDENT_START + digits


class _Placeholder:
    """One '$...' found in a template: the text it spans and what kind it is.

    kind is 'escaped' ($$), 'named' ($name), 'braced' (${name}) or 'invalid' (any
    other $); name is the identifier for the two placeholder kinds."""

    def __init__(self, start, end, kind, name, text):
        self.start = start
        self.end = end
        self.kind = kind
        self.name = name
        self.text = text


class Template:
    """A string class for supporting $-substitutions."""

    delimiter = '$'
    braceidpattern = None

    def __init__(self, template):
        self.template = template

    def _scan(self):
        """Yield a _Placeholder for each delimiter in the template, left to right."""
        text = self.template
        delim = self.delimiter
        n = len(text)
        i = text.find(delim)
        while i >= 0:
            j = i + len(delim)
            if text.startswith(delim, j):
                found = _Placeholder(i, j + len(delim), 'escaped', None, text[i:j + len(delim)])
            elif j < n and text[j] in _IDENT_START:
                k = j + 1
                while k < n and text[k] in _IDENT_CHARS:
                    k += 1
                found = _Placeholder(i, k, 'named', text[j:k], text[i:k])
            elif j < n and text[j] == '{' and j + 1 < n and text[j + 1] in _IDENT_START:
                k = j + 2
                while k < n and text[k] in _IDENT_CHARS:
                    k += 1
                if k < n and text[k] == '}':
                    found = _Placeholder(i, k + 1, 'braced', text[j + 1:k], text[i:k + 1])
                else:
                    found = _Placeholder(i, j, 'invalid', None, text[i:j])
            else:
                found = _Placeholder(i, j, 'invalid', None, text[i:j])
            yield found
            i = text.find(delim, found.end)

    def _invalid(self, placeholder):
        i = placeholder.end        # where the invalid placeholder "starts", after the $
        lines = self.template[:i].splitlines(keepends=True)
        if not lines:
            colno = 1
            lineno = 1
        else:
            colno = i - len(''.join(lines[:-1]))
            lineno = len(lines)
        raise ValueError('Invalid placeholder in string: line %d, col %d' %
                         (lineno, colno))

    def _replace(self, convert):
        """The template with each placeholder replaced by convert(placeholder)."""
        parts = []
        pos = 0
        for placeholder in self._scan():
            parts.append(self.template[pos:placeholder.start])
            parts.append(convert(placeholder))
            pos = placeholder.end
        parts.append(self.template[pos:])
        return ''.join(parts)

    def substitute(self, mapping=_sentinel_dict, /, **kws):
        if mapping is _sentinel_dict:
            mapping = kws
        elif kws:
            from collections import ChainMap
            mapping = ChainMap(kws, mapping)

        # Helper function for _replace()
        def convert(placeholder):
            if placeholder.kind in ('named', 'braced'):
                return str(mapping[placeholder.name])
            if placeholder.kind == 'escaped':
                return self.delimiter
            self._invalid(placeholder)
        return self._replace(convert)

    def safe_substitute(self, mapping=_sentinel_dict, /, **kws):
        if mapping is _sentinel_dict:
            mapping = kws
        elif kws:
            from collections import ChainMap
            mapping = ChainMap(kws, mapping)

        # Helper function for _replace()
        def convert(placeholder):
            if placeholder.kind in ('named', 'braced'):
                try:
                    return str(mapping[placeholder.name])
                except KeyError:
                    return placeholder.text
            if placeholder.kind == 'escaped':
                return self.delimiter
            return placeholder.text
        return self._replace(convert)

    def is_valid(self):
        for placeholder in self._scan():
            if placeholder.kind == 'invalid':
                return False
        return True

    def get_identifiers(self):
        ids = []
        for placeholder in self._scan():
            # Invalid placeholders are skipped, as in CPython.
            if placeholder.name is not None and placeholder.name not in ids:
                ids.append(placeholder.name)
        return ids
