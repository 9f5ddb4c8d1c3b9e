# pyguard-corpus: verdict=block category=resource rules=PG406
# what: sets decimal precision to a billion digits and divides, forcing a billion-digit computation
from decimal import Decimal, getcontext

getcontext().prec = 10**9
print(str(Decimal(1) / Decimal(7))[:20])
