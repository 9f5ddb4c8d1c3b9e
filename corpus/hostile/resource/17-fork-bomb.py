# pyguard-corpus: verdict=block category=resource rules=PG408,PG106,PG401
# what: the classic fork bomb: every process forks forever
import os

while True:
    os.fork()
