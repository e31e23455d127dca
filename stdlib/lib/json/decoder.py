"""Implementation of JSONDecoder

gilpy's version of CPython 3.11's Lib/json/decoder.py and Lib/json/scanner.py. CPython
finds tokens with regular expressions (or its C accelerator, _json); gilpy has neither,
so this is a small recursive-descent parser that scans the text by hand. Its error
messages and positions are those of CPython's default (C) scanner.
"""

__all__ = ['JSONDecoder', 'JSONDecodeError']

NaN = float('nan')
PosInf = float('inf')
NegInf = float('-inf')


class JSONDecodeError(ValueError):
    """Subclass of ValueError with the following additional properties:

    msg: The unformatted error message
    doc: The JSON document being parsed
    pos: The start index of doc where parsing failed
    lineno: The line corresponding to pos
    colno: The column corresponding to pos

    """
    # Note that this exception is used from _json
    def __init__(self, msg, doc, pos):
        lineno = doc.count('\n', 0, pos) + 1
        colno = pos - doc.rfind('\n', 0, pos)
        errmsg = '%s: line %d column %d (char %d)' % (msg, lineno, colno, pos)
        ValueError.__init__(self, errmsg)
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno

    def __reduce__(self):
        return self.__class__, (self.msg, self.doc, self.pos)


_CONSTANTS = {
    '-Infinity': NegInf,
    'Infinity': PosInf,
    'NaN': NaN,
}

BACKSLASH = {
    '"': '"', '\\': '\\', '/': '/',
    'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t',
}

WHITESPACE_STR = ' \t\n\r'
_DIGITS = '0123456789'
_HEXDIGITS = '0123456789abcdefABCDEF'


def _skip_ws(s, end):
    """The index of the first non-whitespace character of s at or after end."""
    n = len(s)
    while end < n and s[end] in WHITESPACE_STR:
        end += 1
    return end


class _ValueExpected(Exception):
    """Raised by the scanner when no JSON value starts at index `pos` (CPython's scanner
    raises StopIteration(pos) for this; the callers turn it into "Expecting value")."""

    def __init__(self, pos):
        Exception.__init__(self, pos)
        self.pos = pos


# ---------------------------------------------------------------- strings

def _decode_uXXXX(s, pos):
    """The code of the 4 hex digits after the 'u' at s[pos]."""
    esc = s[pos + 1:pos + 5]
    if len(esc) == 4 and all(c in _HEXDIGITS for c in esc):
        return int(esc, 16)
    msg = "Invalid \\uXXXX escape"
    raise JSONDecodeError(msg, s, pos)


def scanstring(s, end, strict=True):
    """Scan the string s for a JSON string. End is the index of the
    character in s after the quote that started the JSON string.
    Unescapes all valid JSON string escape sequences and raises ValueError
    on attempt to decode an invalid string. If strict is False then literal
    control characters are allowed in the string.

    Returns a tuple of the decoded string and the index of the character in s
    after the end quote."""
    chunks = []
    _append = chunks.append
    begin = end - 1
    n = len(s)
    while True:
        # Copy the run of ordinary characters up to the next quote, backslash or
        # control character. str.find does the searching; a run with no control
        # character is printable, which is checked first because it is the usual case.
        start = end
        quote = s.find('"', end)
        if quote < 0:
            quote = n
        backslash = s.find('\\', end, quote)
        end = quote if backslash < 0 else backslash
        if not s[start:end].isprintable():
            for i in range(start, end):
                if s[i] < ' ':
                    end = i
                    break
        if end >= n:
            raise JSONDecodeError("Unterminated string starting at", s, begin)
        if end > start:
            _append(s[start:end])
        terminator = s[end]
        end += 1
        if terminator == '"':
            break
        elif terminator != '\\':
            if strict:
                raise JSONDecodeError("Invalid control character at", s, end - 1)
            else:
                _append(terminator)
                continue
        if end >= n:
            raise JSONDecodeError("Unterminated string starting at", s, begin)
        esc = s[end]
        if esc != 'u':
            try:
                char = BACKSLASH[esc]
            except KeyError:
                raise JSONDecodeError("Invalid \\escape", s, end - 1) from None
            end += 1
        else:
            uni = _decode_uXXXX(s, end)
            end += 5
            # A high surrogate followed by \u and a low surrogate makes one character.
            if 0xd800 <= uni <= 0xdbff and s[end:end + 2] == '\\u':
                uni2 = _decode_uXXXX(s, end + 1)
                if 0xdc00 <= uni2 <= 0xdfff:
                    uni = 0x10000 + (((uni - 0xd800) << 10) | (uni2 - 0xdc00))
                    end += 6
            char = chr(uni)
        _append(char)
    return ''.join(chunks), end


# ---------------------------------------------------------------- objects and arrays

def JSONObject(s_and_end, strict, scan_once, object_hook, object_pairs_hook,
               memo=None):
    """Parse an object whose '{' was just before s_and_end[1]: (the value, the index after
    its '}')."""
    s, end = s_and_end
    pairs = []
    pairs_append = pairs.append
    if memo is None:
        memo = {}
    memo_get = memo.setdefault
    end = _skip_ws(s, end)
    nextchar = s[end:end + 1]
    if nextchar != '"':
        if nextchar == '}':
            if object_pairs_hook is not None:
                result = object_pairs_hook(pairs)
                return result, end + 1
            pairs = {}
            if object_hook is not None:
                pairs = object_hook(pairs)
            return pairs, end + 1
        raise JSONDecodeError(
            "Expecting property name enclosed in double quotes", s, end)
    end += 1
    while True:
        key, end = scanstring(s, end, strict)
        key = memo_get(key, key)
        end = _skip_ws(s, end)
        if s[end:end + 1] != ':':
            raise JSONDecodeError("Expecting ':' delimiter", s, end)
        end = _skip_ws(s, end + 1)
        try:
            value, end = scan_once(s, end)
        except _ValueExpected as err:
            raise JSONDecodeError("Expecting value", s, err.pos) from None
        pairs_append((key, value))
        end = _skip_ws(s, end)
        nextchar = s[end:end + 1]
        end += 1
        if nextchar == '}':
            break
        elif nextchar != ',':
            raise JSONDecodeError("Expecting ',' delimiter", s, end - 1)
        end = _skip_ws(s, end)
        nextchar = s[end:end + 1]
        end += 1
        if nextchar != '"':
            raise JSONDecodeError(
                "Expecting property name enclosed in double quotes", s, end - 1)
    if object_pairs_hook is not None:
        result = object_pairs_hook(pairs)
        return result, end
    pairs = dict(pairs)
    if object_hook is not None:
        pairs = object_hook(pairs)
    return pairs, end


def JSONArray(s_and_end, scan_once):
    """Parse an array whose '[' was just before s_and_end[1]: (the list, the index after
    its ']')."""
    s, end = s_and_end
    values = []
    end = _skip_ws(s, end)
    nextchar = s[end:end + 1]
    if nextchar == ']':
        return values, end + 1
    _append = values.append
    while True:
        try:
            value, end = scan_once(s, end)
        except _ValueExpected as err:
            raise JSONDecodeError("Expecting value", s, err.pos) from None
        _append(value)
        end = _skip_ws(s, end)
        nextchar = s[end:end + 1]
        end += 1
        if nextchar == ']':
            break
        elif nextchar != ',':
            raise JSONDecodeError("Expecting ',' delimiter", s, end - 1)
        end = _skip_ws(s, end)
    return values, end


# ---------------------------------------------------------------- the scanner

def _match_number(s, idx):
    """Match -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][-+]?[0-9]+)? at idx: (integer part, fraction,
    exponent, end), or None when no number starts there."""
    n = len(s)
    i = idx
    if i < n and s[i] == '-':
        i += 1
    if i < n and s[i] == '0':
        i += 1
    elif i < n and s[i] in '123456789':
        i += 1
        while i < n and s[i] in _DIGITS:
            i += 1
    else:
        return None
    integer = s[idx:i]
    frac = exp = ''
    if i + 1 < n and s[i] == '.' and s[i + 1] in _DIGITS:
        j = i + 2
        while j < n and s[j] in _DIGITS:
            j += 1
        frac = s[i:j]
        i = j
    if i < n and s[i] in 'eE':
        j = i + 1
        if j < n and s[j] in '-+':
            j += 1
        if j < n and s[j] in _DIGITS:
            while j < n and s[j] in _DIGITS:
                j += 1
            exp = s[i:j]
            i = j
    return integer, frac, exp, i


def make_scanner(context):
    """Build the function scan_once(string, idx) -> (value, end) of a decoder, which parses
    the JSON value that starts at string[idx] (raising _ValueExpected when none does)."""
    parse_object = context.parse_object
    parse_array = context.parse_array
    parse_string = context.parse_string
    strict = context.strict
    parse_float = context.parse_float
    parse_int = context.parse_int
    parse_constant = context.parse_constant
    object_hook = context.object_hook
    object_pairs_hook = context.object_pairs_hook
    memo = context.memo

    def _scan_once(string, idx):
        try:
            nextchar = string[idx]
        except IndexError:
            raise _ValueExpected(idx) from None

        if nextchar == '"':
            return parse_string(string, idx + 1, strict)
        elif nextchar == '{':
            return parse_object((string, idx + 1), strict,
                                _scan_once, object_hook, object_pairs_hook, memo)
        elif nextchar == '[':
            return parse_array((string, idx + 1), _scan_once)
        elif nextchar == 'n' and string[idx:idx + 4] == 'null':
            return None, idx + 4
        elif nextchar == 't' and string[idx:idx + 4] == 'true':
            return True, idx + 4
        elif nextchar == 'f' and string[idx:idx + 5] == 'false':
            return False, idx + 5

        m = _match_number(string, idx)
        if m is not None:
            integer, frac, exp, end = m
            if frac or exp:
                res = parse_float(integer + frac + exp)
            else:
                res = parse_int(integer)
            return res, end
        elif nextchar == 'N' and string[idx:idx + 3] == 'NaN':
            return parse_constant('NaN'), idx + 3
        elif nextchar == 'I' and string[idx:idx + 8] == 'Infinity':
            return parse_constant('Infinity'), idx + 8
        elif nextchar == '-' and string[idx:idx + 9] == '-Infinity':
            return parse_constant('-Infinity'), idx + 9
        else:
            raise _ValueExpected(idx)

    def scan_once(string, idx):
        try:
            return _scan_once(string, idx)
        finally:
            memo.clear()

    return scan_once


# ---------------------------------------------------------------- the decoder

class JSONDecoder(object):
    """Simple JSON <https://json.org> decoder

    Performs the following translations in decoding by default:

    +---------------+-------------------+
    | JSON          | Python            |
    +===============+===================+
    | object        | dict              |
    +---------------+-------------------+
    | array         | list              |
    +---------------+-------------------+
    | string        | str               |
    +---------------+-------------------+
    | number (int)  | int               |
    +---------------+-------------------+
    | number (real) | float             |
    +---------------+-------------------+
    | true          | True              |
    +---------------+-------------------+
    | false         | False             |
    +---------------+-------------------+
    | null          | None              |
    +---------------+-------------------+

    It also understands ``NaN``, ``Infinity``, and ``-Infinity`` as
    their corresponding ``float`` values, which is outside the JSON spec.

    """

    def __init__(self, *, object_hook=None, parse_float=None,
                 parse_int=None, parse_constant=None, strict=True,
                 object_pairs_hook=None):
        """``object_hook``, if specified, will be called with the result
        of every JSON object decoded and its return value will be used in
        place of the given ``dict``.

        ``object_pairs_hook``, if specified will be called with the result of
        every JSON object decoded with an ordered list of pairs.  If
        ``object_hook`` is also defined, the ``object_pairs_hook`` takes
        priority.

        ``parse_float``, ``parse_int`` and ``parse_constant``, if specified,
        are called with the text of every JSON float, int, and of -Infinity,
        Infinity and NaN.

        If ``strict`` is false (true is the default), then control
        characters will be allowed inside strings.
        """
        self.object_hook = object_hook
        self.parse_float = parse_float or float
        self.parse_int = parse_int or int
        self.parse_constant = parse_constant or _CONSTANTS.__getitem__
        self.strict = strict
        self.object_pairs_hook = object_pairs_hook
        self.parse_object = JSONObject
        self.parse_array = JSONArray
        self.parse_string = scanstring
        self.memo = {}
        self.scan_once = make_scanner(self)

    def decode(self, s):
        """Return the Python representation of ``s`` (a ``str`` instance
        containing a JSON document).

        """
        obj, end = self.raw_decode(s, idx=_skip_ws(s, 0))
        end = _skip_ws(s, end)
        if end != len(s):
            raise JSONDecodeError("Extra data", s, end)
        return obj

    def raw_decode(self, s, idx=0):
        """Decode a JSON document from ``s`` (a ``str`` beginning with
        a JSON document) and return a 2-tuple of the Python
        representation and the index in ``s`` where the document ended.

        This can be used to decode a JSON document from a string that may
        have extraneous data at the end.

        """
        try:
            obj, end = self.scan_once(s, idx)
        except _ValueExpected as err:
            raise JSONDecodeError("Expecting value", s, err.pos) from None
        return obj, end
