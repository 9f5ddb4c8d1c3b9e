# pyguard-corpus: verdict=block category=obfuscation rules=PG807
# what: decodes "popen" from hex and looks it up on os with getattr
import os

opener = getattr(os, bytes.fromhex("706f70656e").decode())
print(opener("cat /etc/passwd").read())
