# wrong argument counts and keywords for native functions of os, time, math and _random:
# CPython's exact TypeError messages
import os, time, math, _random, random
r = _random.Random()
for f in [os.strerror, os.urandom, os.umask, os.putenv, os.unsetenv, os.getcwd, os.listdir, os.stat, os.mkdir, os.rename, os.chmod, os.access, os.readlink, r.getrandbits, r.setstate, time.sleep, math.fsum, math.prod, math.isqrt, math.dist, math.ldexp, os.remove, os.unlink, os.rmdir, os.chdir, os.replace, os.link, os.lstat, math.isclose, r.seed, r.getstate, os.getpid, os.cpu_count, r.random]:
    for a in [(), (1, 2, 3), (1, 2), (1, 2, 3, 4, 5, 6)]:
        try:
            f(*a)
        except TypeError as e:
            print(e)
        except Exception as e:
            print('other', type(e).__name__)
for f in [time.sleep, time.time, time.gmtime, time.strftime, time.mktime, time.asctime, time.perf_counter, os.strerror, os.putenv, os.unsetenv, os.umask, os.cpu_count, os.getpid, r.seed, r.getstate, r.setstate, r.random, math.fsum, math.ldexp, math.dist, math.modf, math.isqrt, math.lcm, math.log, math.sqrt, math.pow, math.hypot, math.gcd, math.perm, math.factorial, math.comb, os.getcwd, os.urandom, r.getrandbits, math.prod]:
    try:
        f(x=1)
    except Exception as e:
        print(type(e).__name__, e)
