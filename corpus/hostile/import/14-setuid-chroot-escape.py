# pyguard-corpus: verdict=block category=import rules=PG106
# what: tries to become root and break out of a chroot with the classic chroot-and-climb sequence
import os

os.setuid(0)
os.makedirs("jail", exist_ok=True)
os.chroot("jail")
for _ in range(64):
    os.chdir("..")
os.chroot(".")
