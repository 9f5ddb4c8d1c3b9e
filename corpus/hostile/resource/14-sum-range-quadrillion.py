# pyguard-corpus: verdict=block category=resource rules=PG406
# what: sums a range of 10**15 integers one by one
total = sum(range(10**15))
print(total)
