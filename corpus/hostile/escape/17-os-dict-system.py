# pyguard-corpus: verdict=block category=escape rules=PG309
# what: reads system out of os.__dict__ instead of naming os.system
import os

run = os.__dict__["system"]
run("id")
