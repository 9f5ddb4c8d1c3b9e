# pyguard-corpus: verdict=allow
# what: copies an input file into output/ and archives a relative folder with shutil
import shutil
from pathlib import Path

Path("inputs").mkdir(exist_ok=True)
Path("inputs/raw.csv").write_text("x,y\n1,2\n", encoding="utf-8")
Path("output").mkdir(exist_ok=True)

shutil.copy2("inputs/raw.csv", "output/raw_copy.csv")
archive = shutil.make_archive("output/inputs_backup", "gztar", root_dir="inputs")
print(Path("output/raw_copy.csv").read_text(encoding="utf-8"), archive)
