# pyguard-corpus: verdict=block category=obfuscation rules=PG803,PG807
# what: builds the name "system" from character codes and calls it on os through getattr
import os

name = "".join(chr(c) for c in (115, 121, 115, 116, 101, 109))
getattr(os, name)("id")
