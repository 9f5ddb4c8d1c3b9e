# pyguard-corpus: verdict=block category=obfuscation rules=PG801,PG201
# what: a helper XOR-decodes a byte list into source code, which is then executed
KEY = 0x5a
DATA = [51, 55, 42, 53, 40, 46, 122, 53, 41, 80, 53, 41, 116, 41, 35, 41, 46, 63, 55, 114, 125, 51, 62, 125, 115, 80]


def unpack(data: list[int]) -> str:
    return bytes(b ^ KEY for b in data).decode()


exec(unpack(DATA))
