# signal's Signals and Handlers enums: ints whose repr and .name name the signal.
import signal
print(f'{signal.SIGINT}', str(signal.SIGINT), signal.SIGINT, repr(signal.SIGINT), signal.SIG_DFL, repr(signal.SIG_IGN))
print(signal.Signals(15), signal.SIGTERM.name, signal.SIGTERM.value, type(signal.SIGTERM.value))
print(signal.signal(signal.SIGUSR1, signal.SIG_IGN), repr(signal.getsignal(signal.SIGUSR1)), signal.getsignal(signal.SIGINT))
try: signal.Signals(99)
except ValueError as e: print(e)
print('%s %d %r' % (signal.SIGINT, signal.SIGINT, signal.SIGINT), signal.NSIG, type(signal.NSIG))
print(repr(signal.SIGIOT), signal.SIGPOLL, repr(signal.SIGCLD), signal.SIGCHLD == 17, isinstance(signal.SIGINT, int))
print([signal.SIGINT, signal.SIG_BLOCK], signal.Signals.SIGHUP.name, signal.Signals(signal.SIGUSR2).name)
print(repr(signal.signal(signal.SIGUSR1, signal.SIG_DFL)), {signal.SIGINT: 1}[2])
