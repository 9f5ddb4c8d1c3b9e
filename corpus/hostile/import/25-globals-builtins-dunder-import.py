# pyguard-corpus: verdict=block category=import rules=PG307,PG101
# what: reaches __import__ through globals()['__builtins__'] and imports subprocess with it
b = globals()["__builtins__"]
imp = b["__import__"] if isinstance(b, dict) else b.__import__
sp = imp("subprocess")
sp.check_call(["id"])
