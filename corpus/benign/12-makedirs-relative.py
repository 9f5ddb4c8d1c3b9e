# pyguard-corpus: verdict=allow
# what: creates relative output folders with os.makedirs and joins paths with os.path
import os

BASE = "output"
for sub in ("charts", "tables", os.path.join("raw", "2024")):
    path = os.path.join(BASE, sub)
    os.makedirs(path, exist_ok=True)
    print(os.path.abspath(path), os.path.isdir(path))
