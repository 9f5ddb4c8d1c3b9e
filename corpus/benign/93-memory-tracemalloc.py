# pyguard-corpus: verdict=allow
# what: measures memory use of a data structure with tracemalloc and frees it with gc.collect
import gc
import tracemalloc

tracemalloc.start()
table = {i: str(i) * 3 for i in range(50_000)}
current, peak = tracemalloc.get_traced_memory()
print(f"current={current / 1e6:.1f} MB peak={peak / 1e6:.1f} MB")
del table
print("collected", gc.collect())
tracemalloc.stop()
