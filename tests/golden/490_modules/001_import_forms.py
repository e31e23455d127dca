import mod_greet
import mod_greet as mg
from mod_greet import greet, Greeter as G
print(mod_greet is mg, greet is mod_greet.greet)
print(greet("ann"), G("bob")(), mg.GREETING)
print(mod_greet.__name__, type(mod_greet).__name__, mod_greet.__doc__)
print(mod_greet.__file__.endswith("mod_greet.py"))
print(repr(mod_greet).startswith("<module 'mod_greet' from '"))
print(mod_greet._hidden)
mod_greet.GREETING = "bye"
print(greet("carl"))
