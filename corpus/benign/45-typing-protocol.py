# pyguard-corpus: verdict=allow
# what: structural typing with typing.Protocol and runtime_checkable
from typing import Protocol, runtime_checkable


@runtime_checkable
class SupportsArea(Protocol):
    def area(self) -> float: ...


class Circle:
    def __init__(self, r: float) -> None:
        self.r = r

    def area(self) -> float:
        return 3.141592653589793 * self.r**2


class Label:
    text = "not a shape"


def total_area(shapes: list[SupportsArea]) -> float:
    return sum(s.area() for s in shapes)


print(isinstance(Circle(1), SupportsArea), isinstance(Label(), SupportsArea))
print(round(total_area([Circle(1), Circle(2)]), 3))
