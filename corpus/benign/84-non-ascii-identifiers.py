# pyguard-corpus: verdict=allow
# what: single-script non-ASCII identifiers (German, Greek, Japanese) and right-to-left text in comments and strings, without any bidi control characters
import math

# מחשבון שטח — Hebrew comment: an area calculator
# حساب المساحة — Arabic comment saying the same
π = math.pi
größe = 3.0
fläche = π * größe**2
数量 = 4
合計 = 数量 * 250

print(f"Fläche: {fläche:.2f}")
print(f"合計: {合計}円")
print("שלום", "مرحبا")
