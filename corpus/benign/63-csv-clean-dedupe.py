# pyguard-corpus: verdict=allow
# what: cleans rows (trims, normalises case, drops duplicates and blanks) and writes a new CSV
import csv
import io

RAW = """name,email
 Alice ,ALICE@example.com
Bob,bob@example.com
alice,alice@example.com
,
Carol,carol@example.com
"""

seen = set()
clean = []
for row in csv.DictReader(io.StringIO(RAW)):
    name = (row["name"] or "").strip().title()
    email = (row["email"] or "").strip().lower()
    if not name or not email or email in seen:
        continue
    seen.add(email)
    clean.append({"name": name, "email": email})

with open("contacts_clean.csv", "w", newline="", encoding="utf-8") as handle:
    writer = csv.DictWriter(handle, fieldnames=["name", "email"])
    writer.writeheader()
    writer.writerows(clean)
print(clean)
