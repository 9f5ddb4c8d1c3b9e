# pyguard-corpus: verdict=block category=resource rules=PG408,PG401
# what: starts new threads in an endless loop, each of which spins
import threading


def spin():
    while True:
        pass


while True:
    threading.Thread(target=spin, daemon=True).start()
