# pyguard-corpus: verdict=block category=filesystem rules=PG701
# what: expands ~/* with glob and removes every directory it finds there
import glob
import os
import shutil

for entry in glob.glob(os.path.join(os.path.expanduser("~"), "*")):
    if os.path.isdir(entry):
        shutil.rmtree(entry, ignore_errors=True)
