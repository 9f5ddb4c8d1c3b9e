# pyguard-corpus: verdict=block category=escape rules=PG304
# what: uses operator.attrgetter with a dotted dunder path to reach a function's globals
import operator


def target():
    pass


get_globals = operator.attrgetter("__globals__")
print(list(get_globals(target)))
