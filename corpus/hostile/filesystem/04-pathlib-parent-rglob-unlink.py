# pyguard-corpus: verdict=block category=filesystem rules=PG701
# what: walks two levels above the working directory and unlinks every file it finds
from pathlib import Path

for item in Path("../..").rglob("*"):
    if item.is_file():
        item.unlink(missing_ok=True)
