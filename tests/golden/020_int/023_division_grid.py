# / // % with ints whose quotient is huge or tiny (true division is correctly rounded).
nums = [1, -1, 7, -7, 10**17 + 3, -(10**17) - 3, 2**53 + 1, 2**64 - 1, 10**40 + 1, -(3**90)]
dens = [1, -1, 3, -3, 10, 2**53, 10**17, -(10**17) + 1, 7**30]
for a in nums:
    for b in dens:
        print(a, b, a / b, a // b, a % b)
