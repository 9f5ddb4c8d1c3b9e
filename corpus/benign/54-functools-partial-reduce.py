# pyguard-corpus: verdict=allow
# what: composes functions with functools.reduce and partial
from functools import partial, reduce
from operator import mul


def scale(factor: float, value: float) -> float:
    return factor * value


double = partial(scale, 2)
print(double(21))
print(reduce(mul, range(1, 11), 1))
pipeline = [str.strip, str.lower, lambda s: s.replace(" ", "_")]
print(reduce(lambda acc, fn: fn(acc), pipeline, "  Quarterly Sales Report  "))
