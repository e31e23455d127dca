from mod_star_noall import *
print(x, y, helper())
print("_z" in globals(), "_sys" in globals())
