import sys
print("mod_counter" in sys.modules)
import mod_counter
import mod_counter
from mod_counter import bump
print(sys.modules["mod_counter"] is mod_counter)
print(bump(), mod_counter.bump(), mod_counter.loads)
mod_counter.value.append(1)
import mod_counter as again
print(again.value)
del sys.modules["mod_counter"]
import mod_counter as fresh
print(fresh is again, fresh.value, fresh.loads)
sys.modules["fake_module"] = "I am a string"
import fake_module
print(fake_module)
