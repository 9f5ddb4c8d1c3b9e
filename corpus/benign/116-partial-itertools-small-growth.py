# pyguard-corpus: verdict=allow
# what: rounds prices with functools.partial, pairs products with itertools.combinations and doubles a small lookup table a few times
import functools
import itertools

to_cents = functools.partial(round, ndigits=2)
prices = {"tea": 3.499, "cake": 4.251, "juice": 2.999, "soup": 5.5}
rounded = {name: to_cents(price) for name, price in prices.items()}

bundles = []
for first, second in itertools.combinations(sorted(rounded), 2):
    bundles.append((first, second, to_cents(rounded[first] + rounded[second])))

pattern = [0, 1]
for _ in range(5):
    pattern = pattern + pattern
print(bundles[:3], len(pattern))
