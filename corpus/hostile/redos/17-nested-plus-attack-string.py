# pyguard-corpus: verdict=block category=redos rules=PG501
# what: runs the textbook catastrophic pattern ^(a+)+$ against a string designed to fail after 64 a's
import re

print(re.match(r"^(a+)+$", "a" * 64 + "!"))
