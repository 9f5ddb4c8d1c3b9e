# pyguard-corpus: verdict=allow
# what: builds a tiny PNG in memory and embeds it in an HTML page as a base64 data URI (encoding only, nothing executed)
import base64
import struct
import zlib
from pathlib import Path


def tiny_png(width: int, height: int, rgb: tuple[int, int, int]) -> bytes:
    raw = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))

    def chunk(tag: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


encoded = base64.b64encode(tiny_png(4, 4, (200, 30, 30))).decode("ascii")
Path("output").mkdir(exist_ok=True)
Path("output/badge.html").write_text(f'<img alt="badge" src="data:image/png;base64,{encoded}">\n', encoding="utf-8")
print(len(encoded), "base64 characters")
