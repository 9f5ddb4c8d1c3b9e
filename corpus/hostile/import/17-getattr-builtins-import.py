# pyguard-corpus: verdict=block category=import rules=PG807,PG101
# what: fetches __import__ from the builtins with getattr and a split name, then imports subprocess
import builtins

loader = getattr(builtins, "__imp" + "ort__")
sp = loader("subprocess")
sp.call(["sh", "-c", "id"])
