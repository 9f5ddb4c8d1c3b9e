# pyguard-corpus: verdict=block category=redos rules=PG501
# what: matches CSV fields with a quoted-field group that repeats a repetition of overlapping branches, on an unterminated field of doubled quotes
import re

FIELD = re.compile(r'^(?:"((?:[^"]|"")*|[^"]*)*"|[^,]*)(?:,|$)')

row = '"' + '""' * 40 + "x"
print(FIELD.sub("|", row))
