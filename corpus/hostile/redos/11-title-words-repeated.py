# pyguard-corpus: verdict=block category=redos rules=PG501
# what: checks that a title is "words separated by single spaces" with ^(\w+\s?)+$, exponential on a long word followed by a symbol
import re
import sys


def is_clean_title(title: str) -> bool:
    return re.match(r"^(\w+\s?)+$", title) is not None


for title in sys.stdin:
    print(is_clean_title(title.rstrip("\n")))
