# pyguard-corpus: verdict=allow
# what: maps a CPU-light function over inputs with ThreadPoolExecutor(max_workers=4)
from concurrent.futures import ThreadPoolExecutor, as_completed


def word_count(text: str) -> tuple[str, int]:
    return text[:12], len(text.split())


texts = [f"document {i} " + "lorem ipsum " * i for i in range(1, 9)]
with ThreadPoolExecutor(max_workers=4) as pool:
    futures = [pool.submit(word_count, t) for t in texts]
    for future in as_completed(futures):
        print(future.result())
