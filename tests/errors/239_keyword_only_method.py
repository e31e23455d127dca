class Logger:
    def log(self, message, *, level="info"):
        print(level, message)

Logger().log("start")
Logger().log("oops", "error")
