# pyguard-corpus: verdict=allow
# what: recursive functions with base cases, memoised with functools.lru_cache
from functools import lru_cache


@lru_cache(maxsize=None)
def fib(n: int) -> int:
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


@lru_cache(maxsize=None)
def paths(rows: int, cols: int) -> int:
    if rows == 0 or cols == 0:
        return 1
    return paths(rows - 1, cols) + paths(rows, cols - 1)


print(fib(80), paths(10, 10))
