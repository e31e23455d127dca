def d(label):
    print("make", label)
    def deco(f):
        print("apply", label)
        def w():
            print("enter", label)
            r = f()
            print("leave", label)
            return r
        return w
    return deco
@d("outer")
@d("middle")
@d("inner")
def f():
    print("body")
    return 1
print(f())
