import sys, traceback
class ConfigError(Exception):
    pass
def read(key):
    try:
        return {}[key]
    except KeyError as e:
        raise ConfigError(f"missing {key}") from e
try:
    read("port")
except ConfigError:
    traceback.print_exc(file=sys.stdout)
