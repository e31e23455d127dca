# IndentationError: an else indented less than its if.
def check(n):
    if n > 0:
        return "positive"
  else:
        return "other"
