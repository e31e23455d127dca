def trial(exc):
    try:
        raise exc
    except ZeroDivisionError:
        return "ZeroDivisionError"
    except ArithmeticError as e:
        return "ArithmeticError " + type(e).__name__
    except LookupError as e:
        return "LookupError " + type(e).__name__
    except OSError as e:
        return "OSError " + type(e).__name__
    except Exception as e:
        return "Exception " + type(e).__name__
for e in [ZeroDivisionError, OverflowError("x"), IndexError, KeyError("k"),
          FileNotFoundError, PermissionError, TimeoutError, BrokenPipeError,
          ValueError, RecursionError, NotImplementedError, UnboundLocalError,
          ModuleNotFoundError, ConnectionResetError]:
    print(trial(e))
print(issubclass(RecursionError, RuntimeError), issubclass(NotImplementedError, RuntimeError))
print(issubclass(UnboundLocalError, NameError), issubclass(ModuleNotFoundError, ImportError))
print(issubclass(KeyboardInterrupt, Exception), issubclass(SystemExit, Exception),
      issubclass(GeneratorExit, Exception), issubclass(StopIteration, Exception))
print(IOError is OSError, EnvironmentError is OSError)
