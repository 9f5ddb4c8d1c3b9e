# pyguard-corpus: verdict=block category=exec rules=PG101,PG206
# what: installs packages at run time by running pip in a child interpreter
import subprocess
import sys

for package in ("colourama", "python-dateutils"):
    subprocess.check_call([sys.executable, "-m", "pip", "install", "--quiet", package])
