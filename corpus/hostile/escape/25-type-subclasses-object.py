# pyguard-corpus: verdict=block category=escape rules=PG301
# what: calls type.__subclasses__(object) to enumerate every class and pick the file-loading one
loaders = [c for c in type.__subclasses__(object) if "FileLoader" in c.__name__]
if loaders:
    print(loaders[0]("x", "/etc/passwd").get_data("/etc/passwd")[:64])
