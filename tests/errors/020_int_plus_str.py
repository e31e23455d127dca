# TypeError: adding an int and a str.
age = 30
print(age + " years")
