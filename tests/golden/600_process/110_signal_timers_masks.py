# setitimer/getitimer, pthread_sigmask, valid_signals, siginterrupt.
import signal, time
print(signal.setitimer(signal.ITIMER_REAL, 0), signal.getitimer(signal.ITIMER_REAL), signal.ITIMER_REAL, signal.ITIMER_VIRTUAL, signal.ITIMER_PROF)
try:
    signal.setitimer(99, 1)
except signal.ItimerError as e:
    print(type(e).__name__, e, isinstance(e, OSError))
print(signal.pthread_sigmask(signal.SIG_BLOCK, []), len(signal.valid_signals()), sorted(signal.valid_signals())[:3])
try:
    signal.pthread_sigmask(5, [])
except OSError as e:
    print(type(e).__name__, e)
print(signal.siginterrupt(signal.SIGUSR1, False))
ticks = []
signal.signal(signal.SIGALRM, lambda s, f: ticks.append(s))
signal.setitimer(signal.ITIMER_REAL, 0.05, 0.05)
while len(ticks) < 3:
    time.sleep(1)
signal.signal(signal.SIGALRM, signal.SIG_IGN)  # a tick already on its way is dropped
signal.setitimer(signal.ITIMER_REAL, 0)
print(len(ticks) >= 3, set(ticks))
ticks.clear()
print(signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGUSR1]))
signal.signal(signal.SIGUSR1, lambda s, f: ticks.append(s))
signal.raise_signal(signal.SIGUSR1)
print("blocked:", ticks)
print(signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGUSR1]))
print("unblocked:", ticks)
