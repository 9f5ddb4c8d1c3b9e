# pyguard-corpus: verdict=allow
# what: PEP 695 generic functions with bounds and constraints, and a generic type alias
from collections.abc import Callable, Iterable


def largest[N: (int, float)](values: Iterable[N]) -> N:
    return max(values)


def group_by[T, K](items: Iterable[T], key: Callable[[T], K]) -> dict[K, list[T]]:
    groups: dict[K, list[T]] = {}
    for item in items:
        groups.setdefault(key(item), []).append(item)
    return groups


type Matrix[T] = list[list[T]]

m: Matrix[int] = [[1, 2], [3, 4]]
print(largest([3, 9, 2]), largest([0.5, 0.25]))
print(group_by(["apple", "avocado", "banana"], key=lambda s: s[0]), m)
