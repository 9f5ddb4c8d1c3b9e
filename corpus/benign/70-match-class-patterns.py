# pyguard-corpus: verdict=allow
# what: computes areas with match/case class patterns and guards
from dataclasses import dataclass
import math


@dataclass
class Circle:
    r: float


@dataclass
class Rect:
    w: float
    h: float


@dataclass
class Triangle:
    a: float
    b: float
    c: float


def area(shape) -> float:
    match shape:
        case Circle(r=r):
            return math.pi * r * r
        case Rect(w, h) if w == h:
            return w * w
        case Rect(w, h):
            return w * h
        case Triangle(a, b, c):
            s = (a + b + c) / 2
            return math.sqrt(s * (s - a) * (s - b) * (s - c))
        case _:
            raise TypeError(type(shape).__name__)


print([round(area(s), 2) for s in (Circle(1), Rect(2, 2), Rect(2, 3), Triangle(3, 4, 5))])
