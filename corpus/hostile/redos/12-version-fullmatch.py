# pyguard-corpus: verdict=block category=redos rules=PG501
# what: validates version strings with ^(\d+\.?)+$ via re.fullmatch, applied to a version with forty digits and a letter
import re

VERSION = r"^(\d+\.?)+$"

for version in ["1.2.3", "2024.10", "1" * 40 + "a"]:
    print(version[:12], bool(re.fullmatch(VERSION, version)))
