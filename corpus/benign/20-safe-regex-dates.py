# pyguard-corpus: verdict=allow
# what: validates ISO dates with an anchored linear regex and parses them
import re
from datetime import date

ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

for text in ["2024-02-29", "2024-13-01", "24-1-1", "2023-07-15"]:
    if not ISO_DATE.match(text):
        print(f"{text}: wrong shape")
        continue
    try:
        print(f"{text}: {date.fromisoformat(text):%A}")
    except ValueError as error:
        print(f"{text}: {error}")
