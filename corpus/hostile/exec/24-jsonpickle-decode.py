# pyguard-corpus: verdict=block category=exec rules=PG203
# what: restores objects with jsonpickle.decode from a file, which can instantiate arbitrary classes
import jsonpickle

with open("state.json", encoding="utf-8") as handle:
    state = jsonpickle.decode(handle.read())

print(state)
