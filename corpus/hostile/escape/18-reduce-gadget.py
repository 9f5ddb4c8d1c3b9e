# pyguard-corpus: verdict=block category=escape rules=PG310,PG203
# what: a class whose __reduce__ returns os.system, serialised and loaded again to trigger the command
import os
import pickle


class Gadget:
    def __reduce__(self):
        return (os.system, ("id",))


pickle.loads(pickle.dumps(Gadget()))
