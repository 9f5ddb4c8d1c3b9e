# pyguard-corpus: verdict=block category=resource rules=PG404
# what: two functions call each other unconditionally
def ping(n):
    return pong(n + 1)


def pong(n):
    return ping(n + 1)


ping(0)
