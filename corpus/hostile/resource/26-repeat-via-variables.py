# pyguard-corpus: verdict=block category=resource rules=PG405
# what: multiplies a string by a size computed from two variables (a trillion characters)
n = 10**6
blob = "x" * n * n
print(len(blob))
