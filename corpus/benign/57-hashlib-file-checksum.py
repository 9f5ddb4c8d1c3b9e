# pyguard-corpus: verdict=allow
# what: writes a file and computes its SHA-256 checksum in chunks with hashlib
import hashlib
from pathlib import Path

path = Path("sample.bin")
path.write_bytes(bytes(range(256)) * 64)

digest = hashlib.sha256()
with path.open("rb") as handle:
    for chunk in iter(lambda: handle.read(4096), b""):
        digest.update(chunk)
print(path.name, digest.hexdigest())
