# pyguard-corpus: verdict=block category=obfuscation rules=PG806,PG807
# what: hides the name "system" behind zero-width spaces that are stripped at run time before getattr
import os

name = "sy​st​em".replace("​", "")
getattr(os, name)("id")
