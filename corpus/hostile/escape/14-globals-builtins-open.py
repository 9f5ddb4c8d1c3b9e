# pyguard-corpus: verdict=block category=escape rules=PG307
# what: restores a removed builtin (open) from globals()['__builtins__'] after a sandbox deleted it
g = globals()
b = g["__builtins__"]
real_open = b["open"] if isinstance(b, dict) else getattr(b, "open")
print(real_open("/etc/hostname").read())
