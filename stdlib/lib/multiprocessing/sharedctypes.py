#
# Value and Array: numbers and arrays of numbers that live in memory shared between processes.
#
# A RawValue or RawArray is a small block of shared memory plus a typecode saying how to read
# it ('i' = C int, 'd' = C double...). The memory is mapped with MAP_SHARED before fork(), so
# parent and children see the same bytes: a write in one process is read by the others. Value()
# and Array() wrap them with a lock (an RLock made from a process-shared semaphore), because
# `v.value += 1` is a read then a write, and two processes can interleave between the two.
#
# Adapted for gilpy from CPython 3.11's multiprocessing/sharedctypes.py. CPython uses ctypes;
# gilpy has no ctypes, so the C types below are small classes named like ctypes' ones.
#

import os
import sys

from . import context
from . import reduction

__all__ = ['RawValue', 'RawArray', 'Value', 'Array', 'copy', 'synchronized']

#
# The shared buffer: gilpy's _posixshmem object, or (under CPython) mmap + struct
#

try:
    import _posixshmem
    _SHM = getattr(_posixshmem, 'SharedMemory', None)
except ImportError:
    _SHM = None


class _Buffer(object):
    '''size bytes of zeroed shared memory, read and written by typecode and index.

    With 'fork' the memory is an anonymous shared mapping: children inherit it and nothing
    appears in /dev/shm. With 'spawn' the child is a fresh program, so the memory gets a name
    (/dev/shm/gilpy-mp-...) that the child opens; the creating process unlinks the name at exit.'''

    def __init__(self, size, named=False, name=None):
        self.size = size
        self.name = None
        if _SHM is not None:
            if name is not None:                    # attach in a spawned child
                self._mem = _SHM(max(size, 1), name=name, create=False)
                self.name = name
            elif named:
                self.name = '/gilpy-mp-%d-%s' % (os.getpid(), os.urandom(6).hex())
                self._mem = _SHM(max(size, 1), name=self.name, create=True)
                from . import util
                util.Finalize(self, _unlink, (self._mem,), exitpriority=0)
            else:
                self._mem = _SHM(max(size, 1))
            self.get = self._mem.get
            self.set = self._mem.set
        else:
            import mmap
            import struct
            self._mem = mmap.mmap(-1, max(size, 1))
            self._struct = struct

    def get(self, typecode, index):
        size = _sizes[typecode]
        return self._struct.unpack_from(typecode, self._mem, index * size)[0]

    def set(self, typecode, index, value):
        size = _sizes[typecode]
        self._struct.pack_into(typecode, self._mem, index * size, value)

    def __reduce__(self):
        if self.name is None or context.get_spawning_popen() is None:
            raise TypeError('this shared memory can only be inherited (fork), not pickled: '
                            'make Value/Array with the spawn context to pass them to spawned '
                            'processes')
        return (_Buffer, (self.size, False, self.name))


def _unlink(mem):
    try:
        mem.unlink()
    except OSError:
        pass


def _named_for(ctx):
    '''True when objects made for ctx (default: the default context) must have a name.'''
    ctx = ctx or context._default_context
    return ctx.get_start_method() == 'spawn'


#
# The C types: typecode, size and the ctypes name used by repr()
#

_ctypes_names = {
    'c': ('c_char', 1), 'u': ('c_wchar', 4),
    'b': ('c_byte', 1), 'B': ('c_ubyte', 1),
    'h': ('c_short', 2), 'H': ('c_ushort', 2),
    'i': ('c_int', 4), 'I': ('c_uint', 4),
    'l': ('c_long', 8), 'L': ('c_ulong', 8),
    'q': ('c_long', 8), 'Q': ('c_ulong', 8),
    'f': ('c_float', 4), 'd': ('c_double', 8),
}
_sizes = {code: size for code, (name, size) in _ctypes_names.items()}

# What a typecode converts a Python value to, for stores.
def _convert(typecode, value):
    if typecode == 'c':
        if isinstance(value, bytes) and len(value) == 1:
            return value
        if isinstance(value, int):
            raise TypeError("one character bytes, bytearray or integer expected")
        raise TypeError("one character bytes, bytearray or integer expected")
    if typecode in 'fd':
        if not isinstance(value, (int, float)):
            raise TypeError("must be real number, not %s" % type(value).__name__)
        return float(value)
    if typecode == 'u':
        return value
    if not isinstance(value, int):
        raise TypeError("int expected instead of %s" % type(value).__name__)
    # C integers wrap around silently, as in ctypes.
    bits = _sizes[typecode] * 8
    value &= (1 << bits) - 1
    if typecode.islower() and value >= 1 << (bits - 1):
        value -= 1 << bits
    return value


class _SimpleCData(object):
    '''One C value in shared memory (what ctypes calls a simple type).'''
    _type_ = None

    def __init__(self, buffer, index=0):
        self._buffer = buffer
        self._index = index

    @property
    def value(self):
        return self._buffer.get(self._type_, self._index)

    @value.setter
    def value(self, v):
        self._buffer.set(self._type_, self._index, _convert(self._type_, v))

    def __repr__(self):
        return '%s(%r)' % (type(self).__name__, self.value)

    def __reduce__(self):
        return (_rebuild_value, (self._type_, self._buffer, self._index))


_types = {}
for _code, (_name, _size) in _ctypes_names.items():
    _types[_code] = type(_name, (_SimpleCData,), {'_type_': _code})
typecode_to_type = _types


class _CArray(object):
    '''A fixed-size C array in shared memory; indexes and slices read and write elements.'''
    _type_ = None
    _length_ = 0

    def __init__(self, buffer):
        self._buffer = buffer

    def __len__(self):
        return self._length_

    def _index(self, i):
        if i < 0:
            i += self._length_
        if not 0 <= i < self._length_:
            raise IndexError("invalid index")
        return i

    def __getitem__(self, i):
        if isinstance(i, slice):
            get = self._buffer.get
            items = [get(self._type_, j) for j in range(*i.indices(self._length_))]
            if self._type_ == 'c':
                return b''.join(items)
            return items
        return self._buffer.get(self._type_, self._index(i))

    def __setitem__(self, i, value):
        if isinstance(i, slice):
            indexes = range(*i.indices(self._length_))
            if self._type_ == 'c' and isinstance(value, bytes):
                value = [value[k:k + 1] for k in range(len(value))]
            if len(value) != len(indexes):
                raise ValueError("Can only assign sequence of same size")
            for j, v in zip(indexes, value):
                self._buffer.set(self._type_, j, _convert(self._type_, v))
            return
        self._buffer.set(self._type_, self._index(i), _convert(self._type_, value))

    def __iter__(self):
        for j in range(self._length_):
            yield self._buffer.get(self._type_, j)

    # char arrays: .value is the bytes up to the first NUL, .raw all of them
    @property
    def raw(self):
        return self[:]

    @raw.setter
    def raw(self, value):
        if len(value) > self._length_:
            raise ValueError("byte string too long")
        self[:len(value)] = value

    @property
    def value(self):
        data = self[:]
        end = data.find(b'\0')
        return data if end < 0 else data[:end]

    @value.setter
    def value(self, value):
        if len(value) > self._length_:
            raise ValueError("byte string too long")
        self[:len(value)] = value
        if len(value) < self._length_:
            self[len(value)] = b'\0'

    def __repr__(self):
        return '<%s.%s object at %#x>' % (__name__, type(self).__name__, id(self))

    def __reduce__(self):
        return (_rebuild_array, (self._type_, self._length_, self._buffer))


def _rebuild_value(typecode, buffer, index):
    return _types[typecode](buffer, index)


def _rebuild_array(typecode, length, buffer):
    return _array_type(typecode, length)(buffer)


def _array_type(typecode, length):
    cls = _types[typecode]
    return type('%s_Array_%d' % (cls.__name__, length), (_CArray,),
                {'_type_': typecode, '_length_': length})


def _typecode_of(typecode_or_type):
    if isinstance(typecode_or_type, str):
        if typecode_or_type not in _types:
            raise TypeError("this type has no size")
        return typecode_or_type
    code = getattr(typecode_or_type, '_type_', None)
    if code in _types:
        return code
    raise TypeError("gilpy's sharedctypes supports typecodes, not %r" % (typecode_or_type,))

#
# The public functions
#

def RawValue(typecode_or_type, *args, _ctx=None):
    '''
    Returns a ctypes object allocated from shared memory
    '''
    code = _typecode_of(typecode_or_type)
    obj = _types[code](_Buffer(_sizes[code], _named_for(_ctx)))
    if args:
        obj.value = args[0]
    return obj


def RawArray(typecode_or_type, size_or_initializer, _ctx=None):
    '''
    Returns a ctypes array allocated from shared memory
    '''
    code = _typecode_of(typecode_or_type)
    if isinstance(size_or_initializer, int):
        size = size_or_initializer
        init = None
    else:
        init = list(size_or_initializer) if not isinstance(size_or_initializer, bytes) \
            else [size_or_initializer[k:k + 1] for k in range(len(size_or_initializer))]
        size = len(init)
    result = _array_type(code, size)(_Buffer(_sizes[code] * size, _named_for(_ctx)))
    if init:
        result[:] = init
    return result


def Value(typecode_or_type, *args, lock=True, ctx=None):
    '''
    Return a synchronization wrapper for a Value
    '''
    obj = RawValue(typecode_or_type, *args, _ctx=ctx)
    if lock is False:
        return obj
    if lock in (True, None):
        ctx = ctx or context._default_context.get_context()
        lock = ctx.RLock()
    if not hasattr(lock, 'acquire'):
        raise AttributeError("%r has no method 'acquire'" % lock)
    return synchronized(obj, lock, ctx=ctx)


def Array(typecode_or_type, size_or_initializer, *, lock=True, ctx=None):
    '''
    Return a synchronization wrapper for a RawArray
    '''
    obj = RawArray(typecode_or_type, size_or_initializer, _ctx=ctx)
    if lock is False:
        return obj
    if lock in (True, None):
        ctx = ctx or context._default_context.get_context()
        lock = ctx.RLock()
    if not hasattr(lock, 'acquire'):
        raise AttributeError("%r has no method 'acquire'" % lock)
    return synchronized(obj, lock, ctx=ctx)


def copy(obj):
    if isinstance(obj, _CArray):
        new_obj = RawArray(obj._type_, len(obj))
        new_obj[:] = obj[:]
    else:
        new_obj = RawValue(obj._type_, obj.value)
    return new_obj


def synchronized(obj, lock=None, ctx=None):
    assert not isinstance(obj, SynchronizedBase), 'object already synchronized'
    ctx = ctx or context._default_context.get_context()
    if isinstance(obj, _CArray):
        if obj._type_ == 'c':
            return SynchronizedString(obj, lock, ctx)
        return SynchronizedArray(obj, lock, ctx)
    return Synchronized(obj, lock, ctx)

#
# Synchronized wrappers: every access takes the lock
#

class SynchronizedBase(object):

    def __init__(self, obj, lock=None, ctx=None):
        self._obj = obj
        if lock:
            self._lock = lock
        else:
            ctx = ctx or context._default_context.get_context()
            self._lock = ctx.RLock()
        self.acquire = self._lock.acquire
        self.release = self._lock.release

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def __reduce__(self):
        context.assert_spawning(self)
        return synchronized, (self._obj, self._lock)

    def get_obj(self):
        return self._obj

    def get_lock(self):
        return self._lock

    def __repr__(self):
        return '<%s wrapper for %s>' % (type(self).__name__, self._obj)


class Synchronized(SynchronizedBase):

    @property
    def value(self):
        with self._lock:
            return self._obj.value

    @value.setter
    def value(self, v):
        with self._lock:
            self._obj.value = v


class SynchronizedArray(SynchronizedBase):

    def __len__(self):
        return len(self._obj)

    def __getitem__(self, i):
        with self:
            return self._obj[i]

    def __setitem__(self, i, value):
        with self:
            self._obj[i] = value

    def __iter__(self):
        with self:
            return iter(list(self._obj))

    def __getslice__(self, start, stop):
        with self:
            return self._obj[start:stop]

    def __setslice__(self, start, stop, values):
        with self:
            self._obj[start:stop] = values


class SynchronizedString(SynchronizedArray):

    @property
    def value(self):
        with self._lock:
            return self._obj.value

    @value.setter
    def value(self, v):
        with self._lock:
            self._obj.value = v

    @property
    def raw(self):
        with self._lock:
            return self._obj.raw

    @raw.setter
    def raw(self, v):
        with self._lock:
            self._obj.raw = v
