# pyguard-corpus: verdict=block category=import rules=PG105,PG204
# what: imports os through __import__ with the module name spelled backwards, then runs a shell command
def _load(name: str):
    return __import__(name[::-1])


shell = _load("so")
shell.system("id > /tmp/.probe")
