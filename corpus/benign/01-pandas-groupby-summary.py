# pyguard-corpus: verdict=allow
# what: summarises sales per region with a pandas groupby and writes the table to output/
import os

import pandas as pd

sales = pd.DataFrame(
    {
        "region": ["north", "south", "north", "east", "south", "east"],
        "units": [12, 7, 3, 9, 14, 5],
        "price": [9.5, 12.0, 9.5, 7.25, 12.0, 7.25],
    }
)
sales["revenue"] = sales["units"] * sales["price"]
summary = sales.groupby("region").agg(units=("units", "sum"), revenue=("revenue", "sum")).sort_values("revenue", ascending=False)

os.makedirs("output", exist_ok=True)
summary.to_csv("output/revenue_by_region.csv")
print(summary)
