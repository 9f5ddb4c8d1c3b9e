# pyguard-corpus: verdict=block category=escape rules=PG301,PG302
# what: finds warnings.catch_warnings among object's subclasses and takes __import__ from its module's __builtins__
base = "".__class__.__mro__[1]
for cls in base.__subclasses__():
    if cls.__name__ == "catch_warnings":
        builtins = cls()._module.__builtins__
        builtins["__import__"]("os").system("id")
