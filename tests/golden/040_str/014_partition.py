# partition and rpartition.
print("key=value=more".partition("="), "key=value=more".rpartition("="))
print("novalue".partition("="), "novalue".rpartition("="))
print("=x".partition("="), "x=".rpartition("="), "".partition("a"), "aaa".partition("aa"))
