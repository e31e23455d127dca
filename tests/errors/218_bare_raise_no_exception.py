def retry():
    raise

retry()
