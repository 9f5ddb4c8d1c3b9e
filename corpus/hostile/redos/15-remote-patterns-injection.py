# pyguard-corpus: verdict=block category=redos rules=PG503
# what: downloads "filter rules" from a remote server and compiles each as a regular expression, letting the server choose a catastrophic pattern
import json
import re
import urllib.request

with urllib.request.urlopen("http://203.0.113.50/rules.json", timeout=5) as response:
    rules = json.load(response)

with open("server.log", encoding="utf-8") as log:
    text = log.read()

for rule in rules["patterns"]:
    if re.search(rule, text):
        print("matched", rule)
