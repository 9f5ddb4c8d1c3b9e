# pyguard-corpus: verdict=block category=resource rules=PG405
# what: builds a 100 GB string in one multiplication
padding = "A" * 10**11
print(len(padding))
