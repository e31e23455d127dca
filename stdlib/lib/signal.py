"""The signal module for gilpy: everything from the native _signal module, plus CPython's
Signals, Handlers and Sigmasks enums, which gilpy builds as small int subclasses (it has no
enum module yet): `signal.SIGTERM` is an int equal to 15 whose repr is <Signals.SIGTERM: 15>
and whose .name is 'SIGTERM'; str() and format() give the number, as in CPython 3.11.

Python-level handlers run in the main thread, between two bytecode instructions, after the C
handler has only noted that the signal arrived (see stdlib/mod_signal.c).
"""

import _signal
from _signal import *


class _IntEnum(int):
    """The part of enum.IntEnum the signal module needs: members are ints with a name."""

    def __new__(cls, value):
        member = cls._value2member_map_.get(value)
        if member is None:
            raise ValueError("%r is not a valid %s" % (value, cls.__name__))
        return member

    @property
    def name(self):
        return type(self)._value2name_[int(self)]

    @property
    def value(self):
        return int(self)

    def __repr__(self):
        return "<%s.%s: %d>" % (type(self).__name__, self.name, int(self))

    def __str__(self):
        return int.__repr__(self)

    def __format__(self, spec):
        return format(int(self), spec)

    def __reduce__(self):
        return (type(self), (int(self),))


def _convert(cls, wanted):
    # Turn the matching int constants of _signal into members of cls; an alias (SIGIOT is
    # SIGABRT) becomes the same member, as in enum.
    cls._value2member_map_ = {}
    cls._value2name_ = {}
    cls.__members__ = {}
    for name, value in list(_signal.__dict__.items()):
        if not wanted(name):
            continue
        member = cls._value2member_map_.get(value)
        if member is None:
            member = int.__new__(cls, value)
            cls._value2member_map_[value] = member
            cls._value2name_[value] = name
        cls.__members__[name] = member
        setattr(cls, name, member)
        globals()[name] = member


class Signals(_IntEnum):
    """An enumeration of the signal numbers."""


class Handlers(_IntEnum):
    """SIG_DFL and SIG_IGN."""


class Sigmasks(_IntEnum):
    """SIG_BLOCK, SIG_UNBLOCK and SIG_SETMASK."""


_convert(Signals, lambda name: name.isupper() and name.startswith('SIG')
         and not name.startswith('SIG_'))
_convert(Handlers, lambda name: name in ('SIG_DFL', 'SIG_IGN'))
_convert(Sigmasks, lambda name: name in ('SIG_BLOCK', 'SIG_UNBLOCK', 'SIG_SETMASK'))


def _int_to_enum(value, enum_klass):
    """Convert a numeric value to an IntEnum member; other values come back unchanged."""
    if not isinstance(value, int):
        return value
    try:
        return enum_klass(value)
    except ValueError:
        return value


def signal(signalnum, handler):
    """Set the action for the given signal (SIG_DFL, SIG_IGN, or a callable object
    called with (signalnum, frame)); return the previous one."""
    return _int_to_enum(_signal.signal(signalnum, handler), Handlers)


def getsignal(signalnum):
    """Return the current action for the given signal."""
    return _int_to_enum(_signal.getsignal(signalnum), Handlers)


del _convert


class itimer_error(OSError):
    """The error of setitimer() and getitimer()."""


itimer_error.__module__ = 'signal'
ItimerError = itimer_error


def setitimer(which, seconds, interval=0.0):
    """Arm the interval timer `which` (ITIMER_REAL, ITIMER_VIRTUAL, ITIMER_PROF) to fire after
    `seconds`, then every `interval` seconds; return its old (delay, interval)."""
    try:
        return _signal.setitimer(which, seconds, interval)
    except OSError as e:
        raise ItimerError(*e.args) from None


def getitimer(which):
    """Return the (delay, interval) of the interval timer `which`."""
    try:
        return _signal.getitimer(which)
    except OSError as e:
        raise ItimerError(*e.args) from None


def pthread_sigmask(how, mask):
    """Fetch and/or change the signal mask of the calling thread; return the old one (a set)."""
    return {_int_to_enum(x, Signals) for x in _signal.pthread_sigmask(how, mask)}


def valid_signals():
    """Return a set of the valid signal numbers on this platform."""
    return {_int_to_enum(x, Signals) for x in _signal.valid_signals()}
