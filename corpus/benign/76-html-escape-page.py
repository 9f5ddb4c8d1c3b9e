# pyguard-corpus: verdict=allow
# what: renders an HTML table with html.escape for every value and writes it to output/
import html
from pathlib import Path

rows = [("<script>", "angle brackets"), ("Tom & Jerry", "ampersand"), ('"quoted"', "quotes")]
body = "\n".join(f"<tr><td>{html.escape(a)}</td><td>{html.escape(b)}</td></tr>" for a, b in rows)
page = f"<!doctype html>\n<table>\n{body}\n</table>\n"
Path("output").mkdir(exist_ok=True)
Path("output/table.html").write_text(page, encoding="utf-8")
print(page)
