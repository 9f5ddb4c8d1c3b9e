# pyguard-corpus: verdict=allow
# what: creates a few CSV files under data/ and lists them with a relative pathlib glob
from pathlib import Path

data = Path("data")
data.mkdir(exist_ok=True)
for name in ("jan.csv", "feb.csv", "notes.txt"):
    (data / name).write_text("a,b\n1,2\n", encoding="utf-8")

for path in sorted(data.glob("*.csv")):
    rows = path.read_text(encoding="utf-8").splitlines()
    print(path.name, len(rows) - 1, "data rows")
