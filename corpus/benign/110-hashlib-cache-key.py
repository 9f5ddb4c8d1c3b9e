# pyguard-corpus: verdict=allow
# what: derives cache file names from request parameters with hashlib.md5(usedforsecurity=False)
import hashlib
import json


def cache_key(params: dict) -> str:
    canonical = json.dumps(params, sort_keys=True).encode()
    return hashlib.md5(canonical, usedforsecurity=False).hexdigest()


print(cache_key({"city": "Oslo", "days": 3}))
print(cache_key({"days": 3, "city": "Oslo"}))
