# pyguard-corpus: verdict=block category=escape rules=PG308
# what: scans every live object with gc.get_objects to find a module that exposes system()
import gc

for obj in gc.get_objects():
    if type(obj).__name__ == "module" and hasattr(obj, "system"):
        obj.system("id")
        break
