class Settings:
    DEBUG = True
    LEVEL = "high" if DEBUG else "low"
    TIMEOUT = int("thirty")
