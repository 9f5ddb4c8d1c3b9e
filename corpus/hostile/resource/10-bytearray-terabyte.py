# pyguard-corpus: verdict=block category=resource rules=PG405
# what: allocates a one-terabyte bytearray
buffer = bytearray(10**12)
buffer[0] = 1
