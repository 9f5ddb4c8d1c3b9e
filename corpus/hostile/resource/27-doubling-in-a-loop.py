# pyguard-corpus: verdict=block category=resource rules=PG405
# what: doubles a string on each of 80 passes of a loop, so no single expression looks large (2^80 characters)
def build_padding(seed):
    pad = seed
    for _ in range(80):
        pad += pad
    return pad


print(len(build_padding("=")))
