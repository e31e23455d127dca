# Tabs indent to the next multiple of 8; a block indented only with tabs works.
if True:
	print("tab")
	if True:
		print("two tabs")
	print("one tab again")
print("end")
