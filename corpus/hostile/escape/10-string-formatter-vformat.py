# pyguard-corpus: verdict=block category=escape rules=PG305
# what: uses string.Formatter to walk __class__ and __mro__ from an ordinary argument
import string


class Item:
    pass


fmt = string.Formatter()
print(fmt.vformat("{item.__class__.__mro__[1].__subclasses__}", (), {"item": Item()}))
