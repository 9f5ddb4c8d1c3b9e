# pyguard-corpus: verdict=allow
# what: exact arithmetic with fractions.Fraction
from fractions import Fraction

recipe = {"flour": Fraction(3, 4), "sugar": Fraction(1, 3), "butter": Fraction(1, 2)}
scale = Fraction(5, 2)
for ingredient, cups in recipe.items():
    scaled = cups * scale
    print(f"{ingredient:<7} {scaled} cups ({float(scaled):.2f})")
