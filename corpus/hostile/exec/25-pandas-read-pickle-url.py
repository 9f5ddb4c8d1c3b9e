# pyguard-corpus: verdict=block category=exec rules=PG203
# what: reads a "dataset" with pandas.read_pickle straight from a URL, unpickling whatever the server sends
import pandas as pd

frame = pd.read_pickle("http://203.0.113.21/datasets/sales.pkl")
print(frame.describe())
