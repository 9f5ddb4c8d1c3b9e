# pyguard-corpus: verdict=allow
# what: a generic stack class and function declared with PEP 695 type parameters (Python 3.12)
class Stack[T]:
    def __init__(self) -> None:
        self._items: list[T] = []

    def push(self, item: T) -> None:
        self._items.append(item)

    def pop(self) -> T:
        return self._items.pop()

    def __len__(self) -> int:
        return len(self._items)


def first[T](items: list[T], default: T) -> T:
    return items[0] if items else default


type Pair[K, V] = tuple[K, V]

s = Stack[int]()
s.push(1)
s.push(2)
pair: Pair[str, int] = ("size", len(s))
print(s.pop(), first([], default=0), pair)
