# pyguard-corpus: verdict=allow
# what: parses records into typing.NamedTuple instances and aggregates them
from typing import NamedTuple


class Reading(NamedTuple):
    sensor: str
    value: float
    unit: str = "C"


raw = ["t1,21.5", "t2,19.0", "t1,22.1", "t3,18.4"]
readings = [Reading(s, float(v)) for s, v in (line.split(",") for line in raw)]
by_sensor: dict[str, list[float]] = {}
for r in readings:
    by_sensor.setdefault(r.sensor, []).append(r.value)
print({k: sum(v) / len(v) for k, v in by_sensor.items()})
print(readings[0]._asdict())
