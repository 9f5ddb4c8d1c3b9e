# pyguard-corpus: verdict=block category=filesystem rules=PG701
# what: deletes every sibling project next to the working directory, reached with os.pardir
import os
import shutil

parent = os.path.join(os.getcwd(), os.pardir)
for name in os.listdir(parent):
    candidate = os.path.join(parent, name)
    if os.path.isdir(candidate) and name != os.path.basename(os.getcwd()):
        shutil.rmtree(candidate, ignore_errors=True)
