# pyguard-corpus: verdict=block category=resource rules=PG401
# what: a "polling" loop with no break, return or raise: it never ends
import time

count = 0
while True:
    count += 1
    if count % 1_000_000 == 0:
        print("still polling", time.time())
