__all__ = ["public_a", "public_fn"]
public_a = 1
public_b = 2
_private = 3
def public_fn():
    return "fn"
