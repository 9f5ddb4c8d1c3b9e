# pyguard-corpus: verdict=allow
# what: parses timestamps, converts time zones and computes durations with datetime and zoneinfo
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

stamps = ["2024-03-10T08:15:00+00:00", "2024-03-10T17:45:30+00:00"]
start, end = (datetime.fromisoformat(s) for s in stamps)
print("worked", end - start)
print("in Paris", start.astimezone(ZoneInfo("Europe/Paris")).strftime("%H:%M %Z"))
deadline = datetime(2024, 3, 31, tzinfo=timezone.utc)
print("days left", (deadline - start) // timedelta(days=1))
