# pyguard-corpus: verdict=block category=redos rules=PG501
# what: validates host names with (([a-z0-9]+)*[a-z0-9]+\.)+, where a label can be split between the two quantifiers in many ways
import re

HOST = re.compile(r"^(([a-z0-9]+)*[a-z0-9]+\.)+[a-z]+$")

for host in open("hosts.txt", encoding="utf-8").read().split():
    print(host, bool(HOST.match(host)))
print(bool(HOST.match("a" * 50 + "-")))
