class Base:
    def run(self):
        self.setup()
        try:
            return self.step()
        finally:
            self.teardown()
    def setup(self):
        print("setup", type(self).__name__)
    def teardown(self):
        print("teardown")
    def step(self):
        raise NotImplementedError
class Impl(Base):
    def step(self):
        return 42
print(Impl().run())
try:
    Base().run()
except NotImplementedError as e:
    print("NotImplementedError", repr(e), e.args)
