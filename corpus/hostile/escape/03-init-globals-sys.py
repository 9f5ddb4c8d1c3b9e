# pyguard-corpus: verdict=block category=escape rules=PG301,PG302
# what: walks subclasses for a class defined in Python and reads sys out of its __init__.__globals__
for cls in [].__class__.__base__.__subclasses__():
    init = cls.__init__
    if hasattr(init, "__globals__") and "sys" in init.__globals__:
        sys_module = init.__globals__["sys"]
        sys_module.modules["os"].system("id")
        break
