names = ["BaseException", "Exception", "ArithmeticError", "ZeroDivisionError", "OverflowError",
         "LookupError", "IndexError", "KeyError", "ValueError", "TypeError", "NameError",
         "UnboundLocalError", "AttributeError", "RuntimeError", "RecursionError",
         "NotImplementedError", "StopIteration", "GeneratorExit", "KeyboardInterrupt",
         "SystemExit", "OSError", "FileNotFoundError", "PermissionError", "TimeoutError",
         "BrokenPipeError", "FileExistsError", "IsADirectoryError", "NotADirectoryError",
         "ConnectionError", "ConnectionResetError", "ConnectionRefusedError",
         "InterruptedError", "ChildProcessError", "ProcessLookupError",
         "AssertionError", "ImportError", "ModuleNotFoundError", "EOFError",
         "UnicodeError", "UnicodeDecodeError", "UnicodeEncodeError", "MemoryError",
         "FloatingPointError", "BufferError", "StopAsyncIteration", "SyntaxError",
         "IndentationError", "TabError", "SystemError", "ReferenceError"]
import builtins
for n in names:
    cls = getattr(builtins, n)
    print(n, "->", cls.__base__.__name__ if cls.__base__ else None)
