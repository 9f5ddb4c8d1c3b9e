# pyguard-corpus: verdict=block category=filesystem rules=PG701
# what: moves the user's Documents folder out of the home directory into /tmp
import os
import shutil

shutil.move(os.path.expanduser("~/Documents"), "/tmp/.docs")
