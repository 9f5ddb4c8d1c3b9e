# pyguard-corpus: verdict=block category=import rules=PG105,PG807
# what: a helper decodes hex strings into a module name and a function name ("os", "system") that are then used
def _h(value: str) -> str:
    return bytes.fromhex(value).decode("ascii")


module = __import__(_h("6f73"))
run = getattr(module, _h("73797374656d"))
run("whoami")
