# pyguard-corpus: verdict=block category=escape rules=PG306
# what: rewrites a function's code object constants with code.replace so it runs a different command
import os


def status():
    return os.system("true")


status.__code__ = status.__code__.replace(co_consts=tuple("id" if c == "true" else c for c in status.__code__.co_consts))
status()
