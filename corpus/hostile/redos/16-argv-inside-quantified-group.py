# pyguard-corpus: verdict=block category=redos rules=PG503
# what: places a command-line argument, unescaped, inside a repeated group of an f-string regex
import re
import sys

term = sys.argv[1]
pattern = re.compile(f"^({term})+$")
with open("words.txt", encoding="utf-8") as handle:
    print([w for w in handle.read().split() if pattern.match(w)])
