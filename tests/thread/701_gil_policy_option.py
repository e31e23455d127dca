# gilpy-args: -X gil=py3 -X checkinterval=500
# -X gil=NAME and -X checkinterval=N as the gil module reports them.
# gilpy-differs: the gil module and these -X options are gilpy's own; expected output kept by hand.
import gil
import sys

print(gil.policy(), gil.checkinterval(), sys.getcheckinterval())
sys.setcheckinterval(777)
print(gil.checkinterval())
print(gil.holder(), gil.waiting())
