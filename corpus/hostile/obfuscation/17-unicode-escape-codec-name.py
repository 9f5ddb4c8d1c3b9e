# pyguard-corpus: verdict=block category=obfuscation rules=PG807
# what: decodes "eval" from \x escapes with the unicode_escape codec and fetches it from builtins
import builtins
import codecs

name = codecs.decode(r"\x65\x76\x61\x6c", "unicode_escape")
getattr(builtins, name)("__import__('os').system('id')")
