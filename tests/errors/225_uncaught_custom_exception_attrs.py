class HttpError(Exception):
    def __init__(self, status, reason):
        super().__init__(status, reason)
        self.status = status

    def __str__(self):
        return f"HTTP {self.status}: {self.args[1]}"

raise HttpError(404, "Not Found")
