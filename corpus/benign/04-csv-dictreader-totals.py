# pyguard-corpus: verdict=allow
# what: writes a small CSV, reads it back with csv.DictReader and totals a column per category
import csv
from collections import defaultdict
from pathlib import Path

path = Path("expenses.csv")
rows = [
    {"date": "2024-01-03", "category": "travel", "amount": "120.50"},
    {"date": "2024-01-05", "category": "meals", "amount": "32.10"},
    {"date": "2024-01-09", "category": "travel", "amount": "88.00"},
    {"date": "2024-01-12", "category": "office", "amount": "15.99"},
]
with path.open("w", newline="", encoding="utf-8") as handle:
    writer = csv.DictWriter(handle, fieldnames=["date", "category", "amount"])
    writer.writeheader()
    writer.writerows(rows)

totals: dict[str, float] = defaultdict(float)
with path.open(newline="", encoding="utf-8") as handle:
    for row in csv.DictReader(handle):
        totals[row["category"]] += float(row["amount"])

for category, amount in sorted(totals.items()):
    print(f"{category:<8} {amount:>8.2f}")
