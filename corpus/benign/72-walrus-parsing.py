# pyguard-corpus: verdict=allow
# what: parses key=value lines with the walrus operator and a literal regex; surrounding spaces are stripped with str methods, so no two quantifiers compete for the same characters
import re

PAIR = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)=(.*)")
text = "host = db.local\nport=5432\n# comment\nuser =  report\n"

config = {}
for line in text.splitlines():
    if (m := PAIR.fullmatch(line.replace(" ", ""))) is not None:
        config[m.group(1)] = m.group(2)
print(config)
