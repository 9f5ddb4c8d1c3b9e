# pyguard-corpus: verdict=block category=redos rules=PG501
# what: validates e-mail addresses from an uploaded CSV with a nested quantifier ([...]+)+ before the "@"
import csv
import re

EMAIL = re.compile(r"^([a-zA-Z0-9_.+-]+)+@[a-zA-Z0-9-]+\.[a-zA-Z]+$")

with open("signups.csv", newline="", encoding="utf-8") as handle:
    for row in csv.DictReader(handle):
        if not EMAIL.match(row["email"]):
            print("invalid:", row["email"])
