import circ_a
print(circ_a.use_b())
import circ_b
print(circ_b.use_a())
try:
    import circ_x
except ImportError as e:
    msg = str(e)
    print(type(e).__name__, e.name)
    print(msg[:msg.index(" (")] if " (" in msg else msg)
    print("most likely due to a circular import" in msg)
