# gmtime / struct_time / strftime / asctime / mktime basics (UTC values are deterministic)
import time
t = time.gmtime(0)
print(t)
print(t.tm_year, t.tm_mon, t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec, t.tm_wday, t.tm_yday, t.tm_isdst)
t = time.gmtime(1700000000)
print(t, len(t), t[0], t[-1], t[1:3], tuple(t))
print(isinstance(t, tuple), list(t) == [2023, 11, 14, 22, 13, 20, 1, 318, 0], t.tm_zone)
print(time.gmtime(1700000000.9).tm_sec, time.gmtime(-86400).tm_year, time.gmtime(951782400))
print(time.strftime("%Y-%m-%d %H:%M:%S", t))
print(time.strftime("%a %A %b %B %d %j %p %y %%", t))
print(time.strftime("", t), repr(time.strftime("x", t)))
print(time.asctime(t), time.asctime(time.gmtime(0)))
print(time.strftime("%Y %m %d", (2020, 0, 0, 0, 0, 0, 0, 0, 0)))
s = time.struct_time((2024, 2, 29, 12, 30, 45, 3, 60, 0))
print(s, s.tm_mday, s.tm_zone)
lt = time.localtime(1700000000)
print(type(lt).__name__, time.mktime(lt) == 1700000000.0, time.ctime(1700000000) == time.asctime(lt))
print(type(time.localtime()).__name__, len(time.strftime("%H:%M")))
for bad in [(2020, 13, 1, 0, 0, 0, 0, 1, 0), (2020, 1, 32, 0, 0, 0, 0, 1, 0),
            (2020, 1, 1, 24, 0, 0, 0, 1, 0), (2020, 1, 1, 0, 60, 0, 0, 1, 0),
            (2020, 1, 1, 0, 0, 62, 0, 1, 0), (2020, 1, 1, 0, 0, 0, 0, 367, 0), (1, 2)]:
    try:
        print(time.strftime("%Y", bad))
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
for bad in [(1, 2), "abc"]:
    try:
        print(time.struct_time(bad))
    except TypeError as e:
        print(type(e).__name__, e)
try:
    time.strftime("%Y", "not a tuple")
except TypeError as e:
    print("TypeError", e)
try:
    time.gmtime("x")
except TypeError as e:
    print("TypeError", e)
