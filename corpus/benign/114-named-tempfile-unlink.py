# pyguard-corpus: verdict=allow
# what: writes a scratch file with NamedTemporaryFile(delete=False), processes it, then deletes that same file with Path.unlink
import tempfile
from pathlib import Path

with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as scratch:
    scratch.write("\n".join(str(n * n) for n in range(10)))
    name = scratch.name

path = Path(name)
try:
    total = sum(int(line) for line in path.read_text().splitlines())
    print("sum of squares:", total)
finally:
    path.unlink()
