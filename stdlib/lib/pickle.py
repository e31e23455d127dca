"""Create portable serialized representations of Python objects.

gilpy's pickle: the work is done in C by the _pickle module (stdlib/mod_pickle.c), in
gilpy's own compact binary format, which CPython cannot read and which cannot read
CPython's pickles (the format is described at the top of mod_pickle.c). The interface is
CPython's: dumps/loads/dump/load, Pickler/Unpickler, PickleError and its subclasses. The
protocol argument is accepted and ignored: there is one format.

Functions and classes are pickled by module and qualified name, instances by class and
state (__getstate__/__setstate__, __reduce__/__reduce_ex__, or their __dict__), exceptions
with their args; shared and recursive references are kept.
"""

from _pickle import (PickleError, PicklingError, UnpicklingError, HIGHEST_PROTOCOL,
                     DEFAULT_PROTOCOL)
import _pickle
import copyreg

# Reducers registered with copyreg.pickle(type, reducer) apply to every pickle.
_pickle._dispatch_table = copyreg.dispatch_table

__all__ = ["PickleError", "PicklingError", "UnpicklingError", "Pickler", "Unpickler",
           "dump", "dumps", "load", "loads", "HIGHEST_PROTOCOL", "DEFAULT_PROTOCOL"]

_MAGIC = 0xB7


# dumps and loads are the C functions themselves (as in CPython, so tracebacks show no
# frame of this module). _pickle's versions also take keyword-only dispatch_table and
# find_class, which Pickler and Unpickler use.
dumps = _pickle.dumps
loads = _pickle.loads


def dump(obj, file, protocol=None, *, fix_imports=True, buffer_callback=None):
    """Write a pickled representation of obj to the open file object file."""
    file.write(_pickle.dumps(obj, protocol))


def load(file, *, fix_imports=True, encoding="ASCII", errors="strict", buffers=()):
    """Read and return an object from the pickle data stored in a file."""
    return Unpickler(file).load()


class Pickler:
    """Writes pickles of objects to a binary file (anything with a write method).

    A subclass (or instance) may set dispatch_table, a dict {type: reducer}, where
    reducer(obj) returns what obj.__reduce__() would.
    """

    def __init__(self, file, protocol=None, *, fix_imports=True, buffer_callback=None):
        if protocol is not None and protocol > HIGHEST_PROTOCOL:
            raise ValueError("pickle protocol must be <= %d" % HIGHEST_PROTOCOL)
        try:
            self._write = file.write
        except AttributeError:
            raise TypeError("file must have a 'write' attribute")
        self.protocol = DEFAULT_PROTOCOL if protocol is None else protocol
        self.fix_imports = fix_imports

    def dump(self, obj):
        """Write a pickled representation of the given object to the open file."""
        table = getattr(self, "dispatch_table", None)
        self._write(_pickle.dumps(obj, self.protocol, dispatch_table=table))

    def clear_memo(self):
        """Clears the pickler's "memo" (each dump() starts with a fresh one in gilpy)."""


class Unpickler:
    """Reads pickles from a binary file (anything with read and readline methods).

    A subclass may override find_class(module, name) to control which globals may be loaded.
    """

    def __init__(self, file, *, fix_imports=True, encoding="ASCII", errors="strict",
                 buffers=()):
        self._read = file.read
        self.fix_imports = fix_imports
        self.encoding = encoding
        self.errors = errors

    def find_class(self, module, name):
        """Return the object called name in module (importing it)."""
        __import__(module)
        import sys
        obj = sys.modules[module]
        for part in name.split("."):
            try:
                obj = getattr(obj, part)
            except AttributeError:
                raise AttributeError("Can't get attribute %r on %r"
                                     % (name, sys.modules[module])) from None
        return obj

    def load(self):
        """Read one pickled object from the file and return it."""
        read = self._read
        head = read(2)
        if not head:
            raise EOFError("Ran out of input")
        if head[0] != _MAGIC:
            # Let the C loader report the bad key.
            return _pickle.loads(bytes(head))
        if len(head) < 2:
            raise UnpicklingError("pickle data was truncated")
        parts = [head]
        length = 0
        shift = 0
        while True:
            b = read(1)
            if not b:
                raise UnpicklingError("pickle data was truncated")
            parts.append(b)
            length |= (b[0] & 0x7F) << shift
            shift += 7
            if not b[0] & 0x80:
                break
            if shift > 63:
                raise UnpicklingError("invalid varint in pickle data")
        body = read(length)
        if len(body) < length:
            raise UnpicklingError("pickle data was truncated")
        parts.append(body)
        finder = None
        if type(self).find_class is not Unpickler.find_class:
            finder = self.find_class
        return _pickle.loads(b"".join(parts), find_class=finder)
