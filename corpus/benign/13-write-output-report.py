# pyguard-corpus: verdict=allow
# what: writes a plain-text report to output/report.txt
from datetime import date
from pathlib import Path

scores = {"alice": 91, "bob": 78, "carol": 85}
lines = [f"Report for {date(2024, 5, 1).isoformat()}", ""]
lines += [f"{name:<6} {score:>3}" for name, score in sorted(scores.items(), key=lambda kv: -kv[1])]
lines.append(f"average {sum(scores.values()) / len(scores):.1f}")

out = Path("output") / "report.txt"
out.parent.mkdir(parents=True, exist_ok=True)
out.write_text("\n".join(lines) + "\n", encoding="utf-8")
print(out.read_text(encoding="utf-8"))
