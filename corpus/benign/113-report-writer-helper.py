# pyguard-corpus: verdict=allow
# what: a generic save helper writes a summary to output/report.txt and a CSV beside it, both built with pathlib under the working directory
import csv
from pathlib import Path

OUTPUT = Path("output")


def save(where, text):
    target = OUTPUT / where
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return target


rows = [("north", 12), ("south", 7), ("east", 9)]
report = save("report.txt", "\n".join(f"{region}: {count}" for region, count in rows) + "\n")
with open(report.with_suffix(".csv"), "w", newline="") as handle:
    csv.writer(handle).writerows(rows)
print("wrote", report)
