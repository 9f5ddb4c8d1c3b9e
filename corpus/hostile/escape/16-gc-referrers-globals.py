# pyguard-corpus: verdict=block category=escape rules=PG308
# what: asks gc.get_referrers which dictionaries refer to a function, to reach the host's globals
import gc


def marker():
    pass


for referrer in gc.get_referrers(marker):
    if isinstance(referrer, dict) and "__builtins__" in referrer:
        print(sorted(referrer))
