# pyguard-corpus: verdict=block category=obfuscation rules=PG801,PG201
# what: executes a base64-encoded command line hidden in a string constant
import base64

exec(base64.b64decode("aW1wb3J0IG9zOyBvcy5zeXN0ZW0oJ2lkJyk="))
