# pyguard-corpus: verdict=block category=escape rules=PG303
# what: reads the caller's globals with sys._getframe to steal a token the host program holds
import sys


def audit_hook():
    caller = sys._getframe(1)
    return {k: v for k, v in caller.f_globals.items() if "TOKEN" in k or "KEY" in k}


secrets = audit_hook()
print(secrets)
