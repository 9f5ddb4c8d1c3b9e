# pyguard-corpus: verdict=block category=redos rules=PG501
# what: a VERBOSE phone-number pattern whose digit groups with optional separators are repeated, compiled at module level and used in a loop
import re

PHONE = re.compile(
    r"""
    ^(\+?\d+[\s-]?)*   # country and area codes, any number of groups
    \d{4}$             # final four digits
    """,
    re.VERBOSE,
)


def valid_numbers(numbers: list[str]) -> list[str]:
    return [n for n in numbers if PHONE.match(n)]


print(valid_numbers(["+44 20 7946 0958", "1" * 48 + "x"]))
