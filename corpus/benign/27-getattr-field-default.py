# pyguard-corpus: verdict=allow
# what: reads optional settings from an object with getattr(obj, field, default)
from types import SimpleNamespace

settings = SimpleNamespace(timeout=15, retries=2)
FIELDS = {"timeout": 30, "retries": 3, "backoff": 1.5, "verbose": False}

effective = {name: getattr(settings, name, default) for name, default in FIELDS.items()}
print(effective)
print(hasattr(settings, "backoff"))
