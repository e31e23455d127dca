# Strings in every quote style.
print('single', "double")
print('it\'s', "say \"hi\"", 'mixed "quotes"', "mixed 'quotes'")
print("""triple "double" with 'single'
and a newline""")
print('''triple 'single'
second line
''')
print('''''' == "")
print("a" 'b' """c""" '''d''')
print('''a\
b''')
print("")
print(len(""), len(''''''))
