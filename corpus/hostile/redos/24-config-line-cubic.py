# pyguard-corpus: verdict=block category=redos rules=PG502
# what: a config-line parser whose three whitespace-eating quantifiers (\s*, .*? and \s*) compete for the same spaces; a value of a few thousand spaces followed by a newline and one character takes minutes (CPython 3.13: 1,000 spaces 9 s, 2,000 spaces 52 s)
import re

PAIR = re.compile(r"^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$")

line = "a= " + " " * 3000 + "!\n!"
match = PAIR.match(line)
print(match.groups() if match else None)
