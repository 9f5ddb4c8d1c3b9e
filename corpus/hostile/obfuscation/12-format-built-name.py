# pyguard-corpus: verdict=block category=obfuscation rules=PG807
# what: assembles "popen" with str.format and looks it up on os
import os

method = "{}{}".format("po", "pen")
print(getattr(os, method)("id").read())
