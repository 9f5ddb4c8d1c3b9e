# pyguard-corpus: verdict=allow
# what: an infinite Fibonacci generator consumed safely with itertools.islice
from itertools import islice


def fibonacci():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


print(list(islice(fibonacci(), 15)))
