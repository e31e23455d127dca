# bisect: bisect_left/right, insort, key=, lo/hi.
import bisect

a = [1, 2, 4, 4, 4, 7, 9]
print(bisect.bisect_left(a, 4), bisect.bisect_right(a, 4), bisect.bisect(a, 4), bisect.bisect(a, 0), bisect.bisect(a, 10))
print(bisect.bisect_left(a, 4, 3), bisect.bisect_right(a, 4, 0, 4), bisect.bisect_left([], 1))
b = []
for x in [5, 1, 4, 1, 9, 2]:
    bisect.insort(b, x)
print(b)
bisect.insort_left(b, 4)
bisect.insort_right(b, 4.0)
print(b)


def grade(score, breakpoints=[60, 70, 80, 90], grades="FDCBA"):
    return grades[bisect.bisect(breakpoints, score)]


print([grade(s) for s in [33, 99, 77, 70, 89, 90, 100]])
people = [("ann", 25), ("bob", 30), ("cid", 35)]
print(bisect.bisect_left(people, 30, key=lambda p: p[1]), bisect.bisect_right(people, 31, key=lambda p: p[1]))
bisect.insort(people, ("dee", 28), key=lambda p: p[1])
print(people)
try:
    bisect.bisect_left(a, 1, -1)
except ValueError as e:
    print(type(e).__name__, e)
