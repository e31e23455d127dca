# f, e, g, % presentation types and precision.
x = 3.14159265
print("{:.2f} {:.0f} {:.10f} {:f} {:F}".format(x, x, x, x, x))
print("{:08.3f} {:+.1f} {: .2f} {:-.2f} {:+08.2f}".format(x, x, x, -x, -x))
print("{:e} {:.2e} {:E} {:.0e}".format(x, 12345.678, 0.000123, 5e10))
print("{:g} {:g} {:g} {:g} {:.3g} {:.10g} {:G}".format(x, 1e-5, 123456789.0, 100.0, x, x, 1e-10))
print("{:%} {:.1%} {:.0%} {:%}".format(0.25, 0.1234, 1, -0.5))
print("{:.2f} {:.1f} {:.0f} {:.0f} {:.0f}".format(2.675, 0.05, 0.5, 1.5, 2.5))
print("{:f} {:e} {:g} {:.2f}".format(float("inf"), float("-inf"), float("nan"), -0.0))
print("{} {} {} {}".format(1.0, 1e16, 1.5e-7, 0.1 + 0.2))
print("{:.3} {:10.4} {:<10.2e}|".format(3.14159, 2.0 / 3, 1234.5))
