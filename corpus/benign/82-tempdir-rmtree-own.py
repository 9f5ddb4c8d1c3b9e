# pyguard-corpus: verdict=allow
# what: creates a scratch directory with tempfile.mkdtemp, works in it and removes it with shutil.rmtree
import shutil
import tempfile
from pathlib import Path

scratch = Path(tempfile.mkdtemp(prefix="resize-"))
try:
    for i in range(3):
        (scratch / f"part{i}.txt").write_text("x" * (i + 1))
    print(sorted(p.name for p in scratch.iterdir()))
finally:
    shutil.rmtree(scratch)

with tempfile.TemporaryDirectory() as tmp:
    (Path(tmp) / "note.txt").write_text("temporary")
print("scratch removed:", not scratch.exists())
