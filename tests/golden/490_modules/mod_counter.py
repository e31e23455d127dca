print("mod_counter body runs")
loads = 0
value = []
def bump():
    global loads
    loads += 1
    return loads
