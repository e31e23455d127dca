print("circ_a start")
import circ_b
A_VALUE = "from a"
def use_b():
    return "a sees " + circ_b.B_VALUE
print("circ_a end")
