# pyguard-corpus: verdict=allow
# what: f-string conversions, format specs, the = specifier and nested width fields
from datetime import date

value = 1234.5678
name = "widget"
width = 12
today = date(2024, 6, 1)

print(f"{name!r:>{width}}|{value:>12,.2f}|{value=:.1f}")
print(f"{today:%d %B %Y} {0.25:.0%} {255:#x} {255:08b}")
print(f"{'left':<8}|{'mid':^8}|{'right':>8}")
