# pyguard-corpus: verdict=allow
# what: retries a flaky operation a bounded number of times with capped exponential backoff
import random
import time

random.seed(4)


def flaky() -> str:
    if random.random() < 0.6:
        raise ConnectionError("transient")
    return "ok"


for attempt in range(5):
    try:
        print(flaky(), "after", attempt + 1, "attempts")
        break
    except ConnectionError:
        time.sleep(min(0.05 * 2**attempt, 0.4))
else:
    print("gave up")
