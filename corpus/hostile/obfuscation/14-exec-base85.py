# pyguard-corpus: verdict=block category=obfuscation rules=PG801
# what: executes a base85-encoded program
from base64 import b85decode

exec(b85decode("X>D+Ca&#bXb2}h!b1rjvb97~GC?{!TCn*"))
