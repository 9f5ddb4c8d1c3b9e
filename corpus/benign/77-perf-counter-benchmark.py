# pyguard-corpus: verdict=allow
# what: compares two implementations with time.perf_counter and timeit
import time
import timeit


def join_concat(n: int) -> str:
    s = ""
    for i in range(n):
        s += str(i)
    return s


def join_list(n: int) -> str:
    return "".join(str(i) for i in range(n))


for fn in (join_concat, join_list):
    start = time.perf_counter()
    fn(20_000)
    print(fn.__name__, f"{(time.perf_counter() - start) * 1000:.2f} ms")
print(min(timeit.repeat(lambda: join_list(1000), number=50, repeat=3)))
