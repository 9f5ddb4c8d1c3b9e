# pyguard-corpus: verdict=block category=exec rules=PG202
# what: maps eval over every line of an input file, evaluating each as Python
with open("values.txt", encoding="utf-8") as handle:
    values = list(map(eval, handle))

print(sum(values))
