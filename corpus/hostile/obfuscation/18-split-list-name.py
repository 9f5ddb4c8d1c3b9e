# pyguard-corpus: verdict=block category=obfuscation rules=PG807
# what: joins a list of fragments into "__import__" and takes it from builtins with getattr
import builtins

parts = ["__", "im", "port", "__"]
loader = getattr(builtins, "".join(parts))
loader("os").system("id")
