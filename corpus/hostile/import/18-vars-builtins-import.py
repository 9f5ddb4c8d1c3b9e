# pyguard-corpus: verdict=block category=import rules=PG307,PG101
# what: takes __import__ out of vars(builtins) and uses it to import pty and spawn a shell
import builtins

table = vars(builtins)
imp = table["__import__"]
imp("pty").spawn("/bin/sh")
