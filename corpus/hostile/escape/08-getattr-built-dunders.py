# pyguard-corpus: verdict=block category=escape rules=PG304,PG807
# what: reaches __class__, __base__ and __subclasses__ with getattr and names split into pieces
klass = getattr((), "__cla" + "ss__")
root = getattr(klass, "__ba" + "se__")
children = getattr(root, "__subcl" + "asses__")()
print(len(children))
