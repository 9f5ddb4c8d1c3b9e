# pyguard-corpus: verdict=allow
# what: polls a condition a few times with time.sleep(0.5) between attempts
import time

start = time.monotonic()
for attempt in range(1, 4):
    ready = attempt == 3
    print(f"attempt {attempt}: ready={ready}")
    if ready:
        break
    time.sleep(0.5)
print(f"waited {time.monotonic() - start:.1f}s")
