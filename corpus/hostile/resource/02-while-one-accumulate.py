# pyguard-corpus: verdict=block category=resource rules=PG401
# what: while 1 keeps appending to a list forever, exhausting memory as well as time
samples = []
while 1:
    samples.append(len(samples) ** 2)
