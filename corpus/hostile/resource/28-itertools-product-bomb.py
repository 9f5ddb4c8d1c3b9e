# pyguard-corpus: verdict=block category=resource rules=PG406
# what: materialises every 12-character password over 62 symbols with itertools.product (about 3 x 10^21 tuples)
import itertools
import string

ALPHABET = string.ascii_letters + string.digits
candidates = list(itertools.product(ALPHABET, repeat=12))
print(len(candidates))
