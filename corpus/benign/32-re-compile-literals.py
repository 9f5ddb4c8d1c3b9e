# pyguard-corpus: verdict=allow
# what: extracts fields from log lines with precompiled literal regexes
import re

LINE = re.compile(r"^(?P<ts>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}) (?P<level>[A-Z]+) (?P<msg>.*)$")
DURATION = re.compile(r"took (\d+)ms")

log = """2024-03-01T10:00:00 INFO request /a took 120ms
2024-03-01T10:00:01 WARN request /b took 980ms
2024-03-01T10:00:02 ERROR request /c failed"""

for raw in log.splitlines():
    m = LINE.match(raw)
    if m:
        d = DURATION.search(m["msg"])
        print(m["level"], m["msg"][:20], int(d.group(1)) if d else None)
