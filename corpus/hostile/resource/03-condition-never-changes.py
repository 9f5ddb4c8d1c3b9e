# pyguard-corpus: verdict=block category=resource rules=PG402
# what: the loop condition tests a counter the body never changes
i = 0
total = 0
while i < 10:
    total += i
    print(total)
