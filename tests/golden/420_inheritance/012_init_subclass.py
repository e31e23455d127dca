class Plugin:
    registry = []
    def __init_subclass__(cls, name=None, **kw):
        super().__init_subclass__(**kw)
        cls.plugin_name = name or cls.__name__.lower()
        Plugin.registry.append(cls)
class Alpha(Plugin):
    pass
class Beta(Plugin, name="bee"):
    pass
print([c.plugin_name for c in Plugin.registry])
