# pyguard-corpus: verdict=block category=obfuscation rules=PG801
# what: executes a program stored as a hex string and decoded with bytes.fromhex
exec(bytes.fromhex("696d706f7274206f733b206f732e73797374656d282777686f616d692729").decode())
