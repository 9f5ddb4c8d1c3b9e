# pyguard-corpus: verdict=block category=obfuscation rules=PG801
# what: reverses a string before base64-decoding and executing it, so the blob does not look like base64 of code
import base64

exec(base64.b64decode("=kyJkl2Jo0WZ0NXez5ycvByOz9GI0J3bw1Wa"[::-1]))
