# pyguard-corpus: verdict=block category=import rules=PG107
# what: patches builtins.__import__ so that every later import of "requests" silently loads an attacker module
import builtins

_real_import = builtins.__import__


def _hooked(name, *args, **kwargs):
    if name == "requests":
        name = "requests_mirror"
    return _real_import(name, *args, **kwargs)


builtins.__import__ = _hooked
