# TypeError: subscripting None (a function that forgot to return).
def get_list():
    [1, 2, 3]
first = get_list()[0]
