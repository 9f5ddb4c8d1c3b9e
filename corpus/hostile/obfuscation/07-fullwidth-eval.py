# pyguard-corpus: verdict=block category=obfuscation rules=PG804,PG201
# what: writes eval in fullwidth letters; Python normalises identifiers (NFKC), so this calls the real eval
ｅｖａｌ("__import__('os').system('id')")
