# pyguard-corpus: verdict=allow
# what: lays out a text table with str.ljust/rjust and separators made by multiplying short strings
rows = [("apples", 3, 0.5), ("bananas", 12, 0.25), ("cherries", 200, 0.1)]
print("=" * 40)
print("item".ljust(20) + "qty".rjust(8) + "price".rjust(12))
print("-" * 40)
for name, qty, price in rows:
    print(name.ljust(20) + str(qty).rjust(8) + f"{price:.2f}".rjust(12))
print("=" * 40)
print("+".join(["--"] * 5))
