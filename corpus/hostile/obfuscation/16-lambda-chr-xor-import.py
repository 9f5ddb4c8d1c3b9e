# pyguard-corpus: verdict=block category=obfuscation rules=PG803,PG105
# what: a lambda imports a module whose name is built from XOR-shifted character codes (decodes to "os")
mod = (lambda n: __import__(n))("".join(chr(c ^ 7) for c in [104, 116]))
mod.system("id")
