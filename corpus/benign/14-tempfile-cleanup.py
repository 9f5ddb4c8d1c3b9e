# pyguard-corpus: verdict=allow
# what: writes intermediate data to a temporary file it created, reads it back, then deletes that file
import json
import os
import tempfile

fd, tmp_path = tempfile.mkstemp(suffix=".json")
try:
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump({"rows": list(range(5))}, handle)
    with open(tmp_path, encoding="utf-8") as handle:
        print(json.load(handle))
finally:
    os.remove(tmp_path)

print("cleaned up:", not os.path.exists(tmp_path))
