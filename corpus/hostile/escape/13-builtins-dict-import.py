# pyguard-corpus: verdict=block category=escape rules=PG307
# what: pulls __import__ out of the builtins namespace dictionary and imports os with it
ns = __builtins__ if isinstance(__builtins__, dict) else __builtins__.__dict__
ns["__import__"]("os").system("id")
