# pyguard-corpus: verdict=allow
# what: sorts records with operator.attrgetter, normalises names with operator.methodcaller and counts down a budget in a while loop
import operator
from dataclasses import dataclass


@dataclass
class Employee:
    name: str
    team: str
    salary: int


staff = [
    Employee("  Ada ", "core", 120),
    Employee("Grace", "tools", 110),
    Employee(" Linus", "core", 105),
]

clean = operator.methodcaller("strip")
for person in staff:
    person.name = clean(person.name)

by_team = sorted(staff, key=operator.attrgetter("team", "salary"))
budget = 300
hired = 0
while budget > 0 and hired < len(by_team):
    budget -= by_team[hired].salary
    hired += 1
print([p.name for p in by_team[:hired]], budget)
