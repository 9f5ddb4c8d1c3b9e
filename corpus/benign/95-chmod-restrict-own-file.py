# pyguard-corpus: verdict=allow
# what: writes a local token cache and restricts its permissions to the owner (0o600)
import json
import os
import stat

path = "token_cache.json"
with open(path, "w", encoding="utf-8") as handle:
    json.dump({"expires": "2030-01-01"}, handle)
os.chmod(path, stat.S_IRUSR | stat.S_IWUSR)
print(oct(os.stat(path).st_mode & 0o777))
