# pyguard-corpus: verdict=block category=redos rules=PG501
# what: extracts bold text from Markdown with \*\*((?:\w|\s)+)*\*\*, a repetition of a repetition over the same characters
import re
import sys

BOLD = re.compile(r"\*\*((?:\w|\s)+)*\*\*")

document = sys.stdin.read()
print(BOLD.findall(document))
print(BOLD.findall("**" + "word " * 30))
