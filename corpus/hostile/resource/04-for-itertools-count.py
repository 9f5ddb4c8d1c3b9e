# pyguard-corpus: verdict=block category=resource rules=PG403
# what: iterates over itertools.count() with no break: an endless loop disguised as a for loop
import itertools

squares = []
for n in itertools.count(1):
    squares.append(n * n)
