# pyguard-corpus: verdict=allow
# what: str.format templates that read ordinary attributes and keys ('{0.name}', '{p[city]}')
from dataclasses import dataclass


@dataclass
class Person:
    name: str
    age: int


p = Person("Grace", 85)
print("{0.name} is {0.age}".format(p))
print("{p[name]} lives in {p[city]}".format(p={"name": "Alan", "city": "Manchester"}))
print("{:>10}|{:<6}|{:^8.2f}".format("right", "left", 3.14159))
print("{name}: {score:.1%}".format_map({"name": "accuracy", "score": 0.9342}))
