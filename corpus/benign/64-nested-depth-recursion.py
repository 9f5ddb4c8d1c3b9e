# pyguard-corpus: verdict=allow
# what: measures the depth of nested JSON data with a recursive function that has base cases
import json

DATA = json.loads('{"a": {"b": [1, {"c": {"d": []}}]}, "e": 2}')


def depth(value) -> int:
    if isinstance(value, dict):
        return 1 + max((depth(v) for v in value.values()), default=0)
    if isinstance(value, list):
        return 1 + max((depth(v) for v in value), default=0)
    return 0


print(depth(DATA))
