"""OS routines for gilpy (POSIX only), on top of the native `posix` module.

As in CPython: everything from posix (getpid, getcwd, listdir, mkdir, stat,
remove, rename, urandom, strerror, cpu_count...), plus os.path (posixpath),
os.environ (a mapping that calls putenv/unsetenv when changed), getenv,
makedirs, removedirs, walk, fspath and the path constants.
"""

import sys
import posix
from posix import *
from posix import _exit  # not exported by *: its name starts with _
import posixpath as path

sys.modules['os.path'] = path

name = 'posix'
linesep = '\n'
curdir = '.'
pardir = '..'
sep = '/'
altsep = None
extsep = '.'
pathsep = ':'
defpath = '/bin:/usr/bin'
devnull = '/dev/null'

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2

error = OSError

__all__ = ["altsep", "curdir", "pardir", "sep", "pathsep", "linesep",
           "defpath", "name", "path", "devnull", "SEEK_SET", "SEEK_CUR",
           "SEEK_END", "fsencode", "fsdecode", "getenv", "environ",
           "makedirs", "removedirs", "walk", "fspath", "PathLike", "scandir",
           "DirEntry"]


def fspath(path):
    """Return the file system path representation of the object.

    If the object is str or bytes, then allow it to pass through as-is. If the
    object defines __fspath__(), then return the result of that method. All other
    types raise a TypeError."""
    if isinstance(path, (str, bytes)):
        return path
    path_type = type(path)
    try:
        path_repr = path_type.__fspath__(path)
    except AttributeError:
        if hasattr(path_type, '__fspath__'):
            raise
        raise TypeError("expected str, bytes or os.PathLike object, "
                        "not " + path_type.__name__)
    if isinstance(path_repr, (str, bytes)):
        return path_repr
    raise TypeError("expected {}.__fspath__() to return str or bytes, "
                    "not {}".format(path_type.__name__,
                                    type(path_repr).__name__))


class PathLike:
    """Abstract base class for implementing the file system path protocol."""

    def __fspath__(self):
        """Return the file system path representation of the object."""
        raise NotImplementedError


def fsencode(filename):
    """Encode filename (an os.PathLike, bytes, or str) to the filesystem
    encoding (UTF-8); return bytes unchanged."""
    filename = fspath(filename)
    if isinstance(filename, str):
        return filename.encode('utf-8')
    return filename


def fsdecode(filename):
    """Decode filename (an os.PathLike, bytes, or str) from the filesystem
    encoding (UTF-8); return str unchanged."""
    filename = fspath(filename)
    if isinstance(filename, bytes):
        return filename.decode('utf-8')
    return filename

# ---------------------------------------------------------------- the environment


def _check_env_str(value):
    if not isinstance(value, str):
        raise TypeError("str expected, not %s" % type(value).__name__)
    return value


class _Environ:
    """os.environ: a mapping of the process environment. Setting or deleting
    an item also changes the real environment (putenv/unsetenv), so child
    processes see it."""

    def __init__(self, data):
        self._data = data

    def __getitem__(self, key):
        try:
            return self._data[key]
        except KeyError:
            raise KeyError(key) from None

    def __setitem__(self, key, value):
        _check_env_str(key)
        _check_env_str(value)
        putenv(key, value)
        self._data[key] = value

    def __delitem__(self, key):
        _check_env_str(key)
        unsetenv(key)
        try:
            del self._data[key]
        except KeyError:
            raise KeyError(key) from None

    def __iter__(self):
        # list() from dict object is an atomic operation
        keys = list(self._data)
        for key in keys:
            yield key

    def __len__(self):
        return len(self._data)

    def __contains__(self, key):
        return key in self._data

    def __repr__(self):
        formatted_items = ", ".join(
            f"{key!r}: {value!r}" for key, value in self._data.items())
        return f"environ({{{formatted_items}}})"

    def __eq__(self, other):
        if isinstance(other, _Environ):
            other = other._data
        return self._data == other

    __hash__ = None

    def get(self, key, default=None):
        return self._data.get(key, default)

    def keys(self):
        return list(self._data)

    def values(self):
        return list(self._data.values())

    def items(self):
        return list(self._data.items())

    def copy(self):
        return dict(self._data)

    def setdefault(self, key, value):
        if key not in self:
            self[key] = value
        return self[key]

    _marker = object()

    def pop(self, key, default=_marker):
        if key in self._data:
            value = self._data[key]
            del self[key]
            return value
        if default is _Environ._marker:
            raise KeyError(key)
        return default

    def popitem(self):
        for key in self:
            value = self._data[key]
            del self[key]
            return key, value
        raise KeyError

    def clear(self):
        for key in list(self._data):
            del self[key]

    def update(self, other=(), **kwds):
        if hasattr(other, "keys"):
            for key in other.keys():
                self[key] = other[key]
        else:
            for key, value in other:
                self[key] = value
        for key, value in kwds.items():
            self[key] = value

    def __ior__(self, other):
        self.update(other)
        return self

    def __or__(self, other):
        new = dict(self._data)
        new.update(other)
        return new


environ = _Environ(dict(posix.environ))


def getenv(key, default=None):
    """Get an environment variable, return None if it doesn't exist.
    The optional second argument can specify an alternate default."""
    return environ.get(key, default)

# ---------------------------------------------------------------- scandir

_S_IFMT = 0o170000


class DirEntry:
    """An entry of os.scandir(): its name and path, and cached stat calls.
    (CPython's DirEntry is native and uses the d_type of readdir; this one
    calls lstat/stat when asked.)"""

    def __init__(self, dirpath, name):
        self.name = name
        self.path = path.join(dirpath, name)
        self._lstat = None
        self._stat = None

    def __repr__(self):
        return '<DirEntry %r>' % (self.name,)

    def __fspath__(self):
        return self.path

    def stat(self, *, follow_symlinks=True):
        if not follow_symlinks:
            if self._lstat is None:
                self._lstat = lstat(self.path)
            return self._lstat
        if self._stat is None:
            if self.is_symlink():
                self._stat = stat(self.path)
            else:
                self._stat = self.stat(follow_symlinks=False)
        return self._stat

    def inode(self):
        return self.stat(follow_symlinks=False).st_ino

    def _test_mode(self, mode_bits, follow_symlinks):
        try:
            st = self.stat(follow_symlinks=follow_symlinks)
        except FileNotFoundError:
            return False
        return st.st_mode & _S_IFMT == mode_bits

    def is_dir(self, *, follow_symlinks=True):
        return self._test_mode(0o040000, follow_symlinks)

    def is_file(self, *, follow_symlinks=True):
        return self._test_mode(0o100000, follow_symlinks)

    def is_symlink(self):
        return self._test_mode(0o120000, False)


class _ScandirIterator:
    """The iterator scandir() returns; also a context manager."""

    def __init__(self, dirpath):
        self._names = iter(listdir(dirpath))
        self._dirpath = dirpath

    def __iter__(self):
        return self

    def __next__(self):
        return DirEntry(self._dirpath, next(self._names))

    def close(self):
        self._names = iter(())

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()


def scandir(path=None):
    """Return an iterator of DirEntry objects for the given path (default '.')."""
    if path is None:
        path = '.'
    return _ScandirIterator(fspath(path))

# ---------------------------------------------------------------- directory trees


def makedirs(name, mode=0o777, exist_ok=False):
    """makedirs(name [, mode=0o777][, exist_ok=False])

    Super-mkdir; create a leaf directory and all intermediate ones.  Works like
    mkdir, except that any intermediate path segment (not just the rightmost)
    will be created if it does not exist. If the target directory already
    exists, raise an OSError if exist_ok is False. Otherwise no exception is
    raised."""
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    if head and tail and not path.exists(head):
        try:
            makedirs(head, exist_ok=exist_ok)
        except FileExistsError:
            # Defeats race condition when another thread created the path
            pass
        cdir = curdir
        if isinstance(tail, bytes):
            cdir = bytes(curdir, 'ASCII')
        if tail == cdir:           # xxx/newdir/. exists if xxx/newdir exists
            return
    try:
        mkdir(name, mode)
    except OSError:
        # Cannot rely on checking for EEXIST, since the operating system
        # could give priority to other errors like EACCES or EROFS
        if not exist_ok or not path.isdir(name):
            raise


def removedirs(name):
    """removedirs(name)

    Super-rmdir; remove a leaf directory and all empty intermediate
    ones."""
    rmdir(name)
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    while head and tail:
        try:
            rmdir(head)
        except OSError:
            break
        head, tail = path.split(head)


def renames(old, new):
    """renames(old, new): rename, creating the directories the new name needs
    and pruning the ones the old name leaves empty."""
    head, tail = path.split(new)
    if head and tail and not path.exists(head):
        makedirs(head)
    rename(old, new)
    head, tail = path.split(old)
    if head and tail:
        try:
            removedirs(head)
        except OSError:
            pass


def walk(top, topdown=True, onerror=None, followlinks=False):
    """Directory tree generator: for each directory in the tree rooted at
    top, yield a 3-tuple (dirpath, dirnames, filenames). Built on listdir
    (CPython uses scandir; the names and their order are the same)."""
    top = fspath(top)
    try:
        names = listdir(top)
    except OSError as err:
        if onerror is not None:
            onerror(err)
        return
    dirs = []
    nondirs = []
    for entry in names:
        if path.isdir(path.join(top, entry)):
            dirs.append(entry)
        else:
            nondirs.append(entry)
    if topdown:
        yield top, dirs, nondirs
        for entry in dirs:
            new_path = path.join(top, entry)
            if followlinks or not path.islink(new_path):
                yield from walk(new_path, topdown, onerror, followlinks)
    else:
        for entry in dirs:
            new_path = path.join(top, entry)
            if followlinks or not path.islink(new_path):
                yield from walk(new_path, topdown, onerror, followlinks)
        yield top, dirs, nondirs
