# pyguard-corpus: verdict=allow
# what: invoice arithmetic with decimal.Decimal and explicit rounding
from decimal import ROUND_HALF_UP, Decimal

lines = [("widget", Decimal("3"), Decimal("19.99")), ("gadget", Decimal("1"), Decimal("249.50"))]
VAT = Decimal("0.20")
CENT = Decimal("0.01")

subtotal = sum((qty * price for _, qty, price in lines), Decimal("0"))
vat = (subtotal * VAT).quantize(CENT, rounding=ROUND_HALF_UP)
print(f"subtotal {subtotal}  vat {vat}  total {subtotal + vat}")
