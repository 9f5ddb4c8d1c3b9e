# pyguard-corpus: verdict=block category=filesystem rules=PG703
# what: makes the SSH private key readable and writable by everyone
import os

os.chmod(os.path.expanduser("~/.ssh/id_rsa"), 0o666)
