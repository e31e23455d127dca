import sys
sys.path.insert(0, "tests/golden/490_modules")
from mod_star import not_exported
