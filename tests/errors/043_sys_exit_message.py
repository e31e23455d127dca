# sys.exit with a string prints it to stderr and exits with status 1.
import sys
sys.exit("fatal: something went wrong")
