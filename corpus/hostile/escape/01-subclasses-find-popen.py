# pyguard-corpus: verdict=block category=escape rules=PG301
# what: climbs from a tuple to object.__subclasses__() to find subprocess.Popen and run a command
for cls in ().__class__.__base__.__subclasses__():
    if cls.__name__ == "Popen":
        cls(["id"])
        break
