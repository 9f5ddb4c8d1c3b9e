# pyguard-corpus: verdict=allow
# what: Python 3.12 f-strings that reuse the same quotes inside replacement fields and nest f-strings
people = [{"name": "Ada", "langs": ["python", "c"]}, {"name": "Linus", "langs": ["c"]}]

for person in people:
    print(f"{person["name"]} writes {", ".join(person["langs"])}")

width = 12
print(f"{f"{"centered":^{width}}"!r}")
print(f"{"\n".join(p["name"] for p in people)}")
