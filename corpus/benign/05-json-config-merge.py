# pyguard-corpus: verdict=allow
# what: deep-merges a user JSON configuration over defaults and saves the result
import json
from typing import Any

DEFAULTS = {"retries": 3, "output": {"format": "csv", "dir": "output"}, "verbose": False}


def merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    result = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(result.get(key), dict):
            result[key] = merge(result[key], value)
        else:
            result[key] = value
    return result


user = json.loads('{"output": {"format": "json"}, "verbose": true}')
config = merge(DEFAULTS, user)
with open("config.merged.json", "w", encoding="utf-8") as handle:
    json.dump(config, handle, indent=2, sort_keys=True)
print(config)
