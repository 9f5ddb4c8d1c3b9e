# pyguard-corpus: verdict=allow
# what: parses key=value lines with the walrus operator and a literal regex
import re

PAIR = re.compile(r"^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$")
text = "host = db.local\nport=5432\n# comment\nuser =  report\n"

config = {}
for line in text.splitlines():
    if (m := PAIR.match(line)) is not None:
        config[m.group(1)] = m.group(2)
print(config)
