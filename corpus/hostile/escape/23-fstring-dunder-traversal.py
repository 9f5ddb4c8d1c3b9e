# pyguard-corpus: verdict=block category=escape rules=PG301
# what: an f-string evaluates a dunder chain up to object's subclasses
x = 1
print(f"{x.__class__.__mro__[-1].__subclasses__()}")
