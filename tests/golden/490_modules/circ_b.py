print("circ_b start")
import circ_a
B_VALUE = "from b"
def use_a():
    return "b sees " + circ_a.A_VALUE
print("circ_b partial a has A_VALUE:", hasattr(circ_a, "A_VALUE"))
print("circ_b end")
