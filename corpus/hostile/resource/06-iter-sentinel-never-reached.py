# pyguard-corpus: verdict=block category=resource rules=PG403
# what: iter(int, 1) calls int() until it returns 1, which it never does
for value in iter(int, 1):
    print(value)
