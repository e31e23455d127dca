import os.nonexistent
