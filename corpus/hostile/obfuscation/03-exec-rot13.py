# pyguard-corpus: verdict=block category=obfuscation rules=PG801
# what: decodes a rot13-encoded program with codecs.decode and executes it
import codecs

exec(codecs.decode("vzcbeg bf; bf.flfgrz('vq')", "rot13"))
