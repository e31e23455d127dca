def work():
    try:
        return 1 / 0
    finally:
        raise RuntimeError("cleanup failed")

work()
