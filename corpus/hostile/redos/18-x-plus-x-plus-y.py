# pyguard-corpus: verdict=block category=redos rules=PG501
# what: (x+x+)+y on a hundred x's without a y
import re

print(re.fullmatch(r"(x+x+)+y", "x" * 100))
