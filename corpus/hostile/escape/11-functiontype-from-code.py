# pyguard-corpus: verdict=block category=escape rules=PG306
# what: builds a new function from another function's code object with types.FunctionType and forged globals
import types


def harmless():
    return open("/etc/passwd").read()


forged = types.FunctionType(harmless.__code__, {"__builtins__": __builtins__, "open": open})
print(forged()[:80])
