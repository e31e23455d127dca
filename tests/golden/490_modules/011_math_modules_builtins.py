import math, os.path
import os
from os import path as p
print(math.sqrt(16), math.pi > 3)
print(os.path is p, p.basename("/a/b.txt"))
import builtins
print(builtins.len is len, builtins.__name__)
import sys as system
print(system.version_info[0])
