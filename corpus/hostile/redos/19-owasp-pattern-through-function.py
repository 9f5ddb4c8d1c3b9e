# pyguard-corpus: verdict=block category=redos rules=PG501
# what: passes the OWASP example pattern ^(([a-z])+.)+[A-Z]([a-z])+$ through a helper function to re.match
import re


def matches(pattern: str, text: str) -> bool:
    return re.match(pattern, text) is not None


NAME_RULE = r"^(([a-z])+.)+[A-Z]([a-z])+$"
print(matches(NAME_RULE, "a" * 40 + "!"))
