# pyguard-corpus: verdict=allow
# what: itertools.cycle zipped with a finite list, and itertools.repeat with a count, both terminate
from itertools import cycle, repeat

bars = [("q1", 10), ("q2", 14), ("q3", 9), ("q4", 17), ("q5", 11)]
for colour, (label, value) in zip(cycle(["red", "green", "blue"]), bars):
    print(f"{label}: {'#' * value} ({colour})")

print(list(repeat("n/a", 3)))
print(list(map(pow, range(5), repeat(2))))
