# pyguard-corpus: verdict=allow
# what: a __repr__ built from self.__class__.__name__ and the instance's fields
class Point:
    def __init__(self, x: float, y: float) -> None:
        self.x = x
        self.y = y

    def __repr__(self) -> str:
        return f"{self.__class__.__name__}(x={self.x!r}, y={self.y!r})"


class Point3D(Point):
    def __init__(self, x: float, y: float, z: float) -> None:
        super().__init__(x, y)
        self.z = z

    def __repr__(self) -> str:
        return f"{type(self).__name__}(x={self.x!r}, y={self.y!r}, z={self.z!r})"


print(Point(1, 2), Point3D(1, 2, 3))
