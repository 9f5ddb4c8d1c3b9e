# pyguard-corpus: verdict=block category=import rules=PG107
# what: replaces the json module in sys.modules with a fake whose loads() runs its argument as a shell command
import os
import sys
import types

fake = types.ModuleType("json")
fake.loads = lambda text: os.popen(text).read()
fake.dumps = lambda obj: str(obj)
sys.modules["json"] = fake

import json  # noqa: E402  (now the fake)

print(json.loads("id"))
