# pyguard-corpus: verdict=block category=resource rules=PG405
# what: pads a string to ten billion characters with str.ljust
line = "header".ljust(10**10, "-")
print(line[:10])
