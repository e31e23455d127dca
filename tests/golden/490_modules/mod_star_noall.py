import sys as _sys
x = 10
y = 20
_z = 30
def helper():
    return "helper"
