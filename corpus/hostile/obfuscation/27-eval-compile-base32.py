# pyguard-corpus: verdict=block category=obfuscation rules=PG801
# what: compiles a base32-decoded program and runs it through eval
import base64

eval(compile(base64.b32decode("NFWXA33SOQQG64YKN5ZS443ZON2GK3JIE5UWIJZJBI======"), "<cfg>", "exec"))
