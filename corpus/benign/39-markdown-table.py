# pyguard-corpus: verdict=allow
# what: renders a list of records as a Markdown table with aligned columns
rows = [
    {"model": "linear", "rmse": 4.21, "r2": 0.71},
    {"model": "forest", "rmse": 3.02, "r2": 0.85},
    {"model": "boosted", "rmse": 2.87, "r2": 0.87},
]
headers = list(rows[0])
cells = [[str(r[h]) for h in headers] for r in rows]
widths = [max(len(h), *(len(c[i]) for c in cells)) for i, h in enumerate(headers)]


def line(values: list[str]) -> str:
    return "| " + " | ".join(v.ljust(w) for v, w in zip(values, widths)) + " |"


print(line(headers))
print("| " + " | ".join("-" * w for w in widths) + " |")
for c in cells:
    print(line(c))
