# pyguard-corpus: verdict=block category=escape rules=PG304
# what: calls object.__getattribute__ directly to read __globals__, sidestepping attribute checks
def f():
    pass


g = object.__getattribute__(f, "__globals__")
print(g["__builtins__"])
