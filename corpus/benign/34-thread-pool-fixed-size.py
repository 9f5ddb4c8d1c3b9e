# pyguard-corpus: verdict=allow
# what: a fixed pool of four threading.Thread workers draining a queue of jobs
import queue
import threading

jobs: queue.Queue[int | None] = queue.Queue()
results: list[int] = []
lock = threading.Lock()


def worker() -> None:
    while True:
        n = jobs.get()
        if n is None:
            break
        with lock:
            results.append(n * n)


workers = [threading.Thread(target=worker, name=f"worker-{i}") for i in range(4)]
for w in workers:
    w.start()
for n in range(20):
    jobs.put(n)
for _ in workers:
    jobs.put(None)
for w in workers:
    w.join()
print(sorted(results))
