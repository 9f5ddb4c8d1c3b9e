# pyguard-corpus: verdict=block category=resource rules=PG404,PG106
# what: a recursive function with no base case, after raising the recursion limit so the stack is exhausted
import sys

sys.setrecursionlimit(10**8)


def walk(depth: int) -> int:
    return walk(depth + 1) + 1


walk(0)
