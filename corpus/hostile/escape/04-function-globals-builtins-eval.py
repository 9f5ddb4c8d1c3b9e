# pyguard-corpus: verdict=block category=escape rules=PG302,PG307
# what: reaches eval through a function's __globals__ and the __builtins__ entry stored there
def helper():
    return None


builtins = helper.__globals__["__builtins__"]
evaluate = builtins["eval"] if isinstance(builtins, dict) else builtins.eval
evaluate("__import__('os').system('id')")
