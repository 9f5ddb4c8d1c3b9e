# pyguard-corpus: verdict=review
# what: downloads a public CSV dataset with urllib.request into data/; harmless, but network use is for a human to confirm under the agent policy
import csv
import io
import urllib.request
from pathlib import Path

URL = "https://people.sc.fsu.edu/~jburkardt/data/csv/hw_200.csv"

with urllib.request.urlopen(URL, timeout=15) as response:
    text = response.read().decode("utf-8")

Path("data").mkdir(exist_ok=True)
Path("data/heights.csv").write_text(text, encoding="utf-8")
rows = list(csv.reader(io.StringIO(text)))
print(len(rows) - 1, "rows; columns:", [c.strip() for c in rows[0]])
