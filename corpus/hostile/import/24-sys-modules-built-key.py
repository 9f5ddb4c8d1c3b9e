# pyguard-corpus: verdict=block category=import rules=PG105,PG204
# what: looks up os in sys.modules under a concatenated key and calls system through it
import sys

m = sys.modules["o" + "s"]
m.system("ls -la ~")
