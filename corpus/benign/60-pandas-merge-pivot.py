# pyguard-corpus: verdict=allow
# what: merges two pandas frames and builds a pivot table
import pandas as pd

orders = pd.DataFrame(
    {"order_id": [1, 2, 3, 4], "customer_id": [10, 11, 10, 12], "month": ["Jan", "Jan", "Feb", "Feb"], "amount": [50, 20, 35, 80]}
)
customers = pd.DataFrame({"customer_id": [10, 11, 12], "segment": ["retail", "business", "retail"]})

merged = orders.merge(customers, on="customer_id", how="left")
pivot = merged.pivot_table(index="segment", columns="month", values="amount", aggfunc="sum", fill_value=0)
print(pivot)
