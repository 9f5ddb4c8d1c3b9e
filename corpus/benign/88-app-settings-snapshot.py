# pyguard-corpus: verdict=allow
# what: records the APP_* settings it was started with in a local JSON file next to its results
import json
import os
from pathlib import Path

settings = {key: value for key, value in os.environ.items() if key.startswith("APP_")}
settings.setdefault("APP_MODE", "batch")
Path("output").mkdir(exist_ok=True)
Path("output/settings.json").write_text(json.dumps(settings, indent=2, sort_keys=True), encoding="utf-8")
print(settings)
