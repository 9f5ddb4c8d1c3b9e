# pyguard-corpus: verdict=block category=obfuscation rules=PG807,PG803
# what: shifts character codes by one to build "system" and calls it through getattr
import os

codes = [114, 120, 114, 115, 100, 108]
getattr(os, "".join(chr(x + 1) for x in codes))("id")
