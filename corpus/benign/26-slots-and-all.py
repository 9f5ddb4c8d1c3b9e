# pyguard-corpus: verdict=allow
# what: a module that declares __all__ and a class with __slots__
__all__ = ["Vector", "dot"]


class Vector:
    __slots__ = ("x", "y")

    def __init__(self, x: float, y: float) -> None:
        self.x = x
        self.y = y

    def __add__(self, other: "Vector") -> "Vector":
        return Vector(self.x + other.x, self.y + other.y)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Vector) and (self.x, self.y) == (other.x, other.y)

    def __hash__(self) -> int:
        return hash((self.x, self.y))


def dot(a: Vector, b: Vector) -> float:
    return a.x * b.x + a.y * b.y


v = Vector(1, 2) + Vector(3, 4)
print(v.x, v.y, dot(v, Vector(1, 1)), Vector.__slots__)
