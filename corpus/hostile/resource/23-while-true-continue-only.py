# pyguard-corpus: verdict=block category=resource rules=PG401
# what: a loop whose only control flow is continue; there is no way out
import random

attempts = 0
while True:
    attempts += 1
    if random.random() < 0.5:
        continue
    print("retrying", attempts)
