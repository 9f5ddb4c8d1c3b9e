# pyguard-corpus: verdict=allow
# what: derives per-environment configurations from a base with copy.deepcopy
import copy

BASE = {"db": {"host": "localhost", "pool": 5}, "features": ["a", "b"]}

staging = copy.deepcopy(BASE)
staging["db"]["host"] = "staging-db"
staging["features"].append("beta")

print(BASE)
print(staging)
