# pyguard-corpus: verdict=allow
# what: a timing context manager written with contextlib.contextmanager
import time
from contextlib import contextmanager


@contextmanager
def timed(label: str):
    start = time.perf_counter()
    try:
        yield
    finally:
        print(f"{label}: {(time.perf_counter() - start) * 1000:.1f} ms")


with timed("sorting"):
    data = sorted(range(100_000), key=lambda n: (n * 7919) % 1000)
print(data[:5])
