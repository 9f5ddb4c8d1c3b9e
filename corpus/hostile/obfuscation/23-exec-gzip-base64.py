# pyguard-corpus: verdict=block category=obfuscation rules=PG801
# what: gunzips a base64 payload and executes it
import base64
import gzip

exec(gzip.decompress(base64.b64decode("H4sIAAAAAAACA8vMLcgvKlHIL+bKL9YrriwuSc3VUM9MUdfkAgAM4BSnGgAAAA==")))
