# A program made mostly of comments and blank lines.

x = 1  # trailing comment


    # an indented comment line does not start a block
y = 2
# comment between statements
print(x, y)
if x:
    # comment inside a block

    print("in block")   # after code

        # over-indented comment is fine
    print("still in block")
print("done")  #
