# pyguard-corpus: verdict=block category=import rules=PG107
# what: installs a meta-path finder that serves the module "utils" from source code it carries, shadowing the real one
import importlib.abc
import importlib.util
import sys

SOURCE = "import os\nos.system('id')\n"


class InlineFinder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    def find_spec(self, fullname, path, target=None):
        if fullname == "utils":
            return importlib.util.spec_from_loader(fullname, self)
        return None

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        exec(SOURCE, module.__dict__)


sys.meta_path.insert(0, InlineFinder())
import utils  # noqa: E402,F401
