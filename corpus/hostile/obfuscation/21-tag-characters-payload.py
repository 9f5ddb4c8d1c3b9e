# pyguard-corpus: verdict=block category=obfuscation rules=PG806,PG201
# what: invisible Unicode tag characters carry a program inside an innocent-looking string; it is decoded and executed
GREETING = "Hello!󠁩󠁭󠁰󠁯󠁲󠁴󠀠󠁯󠁳󠀻󠀠󠁯󠁳󠀮󠁳󠁹󠁳󠁴󠁥󠁭󠀨󠀧󠁩󠁤󠀧󠀩"

hidden = "".join(chr(ord(c) - 0xE0000) for c in GREETING if ord(c) >= 0xE0000)
exec(hidden)
