# pyguard-corpus: verdict=block category=resource rules=PG405
# what: materialises ten billion integers with list(range(...))
ids = list(range(10**10))
print(ids[-1])
