# edge cases of gmtime/sleep/strftime/asctime arguments and their errors
import time
for a in [10**17, 10**20, 1e20, -1e20, float("inf"), float("nan"), True, 2.5]:
    try: print(a, time.gmtime(a)[:6])
    except Exception as e: print(a, type(e).__name__, e)
for a in [10**10, 1e10, float('inf')]:
    try: time.sleep(a)
    except Exception as e: print(a, type(e).__name__, e)
print(time.asctime((2020, 1, 1, 0, 0, 0, 0, 1, 0)), time.asctime((2020, 1, 1, 0, 0, 0, 6, 1, 0)))
print(time.mktime((2020, 1, 1, 0, 0, 0, 0, 1, -1)) == time.mktime((2020, 1, 1, 0, 0, 0, 0, 1, -1)))
print(time.strftime("%Y-%m-%dT%H:%M:%S%z", time.gmtime(0)))
try: time.strftime(5)
except Exception as e: print(type(e).__name__, e)
try: time.strftime("%Y", (2020, 1, 1, 0, 0, 0, 0, 1, 0, 5))
except Exception as e: print(type(e).__name__, e)
try: time.strftime("%Y", (2020, 1.5, 1, 0, 0, 0, 0, 1, 0))
except Exception as e: print(type(e).__name__, e)
print(time.gmtime(None)[0] >= 2024, time.localtime(None).tm_year >= 2024)
