# pyguard-corpus: verdict=allow
# what: ordered dataclasses with a sort key field and asdict serialisation
import json
from dataclasses import asdict, dataclass, field


@dataclass(order=True)
class Task:
    priority: int
    name: str = field(compare=False)
    tags: list[str] = field(default_factory=list, compare=False)


tasks = [Task(3, "write docs"), Task(1, "fix bug", ["urgent"]), Task(2, "review PR")]
for task in sorted(tasks):
    print(task.priority, task.name)
print(json.dumps([asdict(t) for t in tasks]))
