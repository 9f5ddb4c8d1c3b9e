# pyguard-corpus: verdict=block category=resource rules=PG403
# what: cycles over a list of URLs forever, printing each
from itertools import cycle

MIRRORS = ["a.example.org", "b.example.org", "c.example.org"]
for mirror in cycle(MIRRORS):
    print("trying", mirror)
