# pyguard-corpus: verdict=allow
# what: zips files from a relative folder into output/archive.zip and lists the archive
import zipfile
from pathlib import Path

src = Path("reports")
src.mkdir(exist_ok=True)
for i in range(3):
    (src / f"week{i + 1}.txt").write_text(f"week {i + 1}\n", encoding="utf-8")

out = Path("output")
out.mkdir(exist_ok=True)
with zipfile.ZipFile(out / "archive.zip", "w", compression=zipfile.ZIP_DEFLATED) as archive:
    for file in sorted(src.glob("*.txt")):
        archive.write(file, arcname=file.name)

with zipfile.ZipFile(out / "archive.zip") as archive:
    print(archive.namelist())
