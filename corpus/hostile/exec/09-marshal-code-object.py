# pyguard-corpus: verdict=block category=exec rules=PG201,PG203
# what: turns marshalled bytes into a code object and executes it
import marshal

with open("cache/stage2.bin", "rb") as handle:
    code = marshal.loads(handle.read())

exec(code)
