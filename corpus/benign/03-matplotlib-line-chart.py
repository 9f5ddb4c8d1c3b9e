# pyguard-corpus: verdict=allow
# what: plots monthly temperatures with matplotlib and saves the chart as a PNG in output/
import os

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
highs = [6, 8, 12, 16, 20, 24, 27, 26, 22, 16, 10, 7]
lows = [-1, 0, 2, 5, 9, 13, 15, 15, 11, 7, 3, 0]

fig, ax = plt.subplots(figsize=(8, 4))
ax.plot(months, highs, marker="o", label="high")
ax.plot(months, lows, marker="s", label="low")
ax.set_ylabel("°C")
ax.set_title("Average temperatures")
ax.legend()
fig.tight_layout()

os.makedirs("output", exist_ok=True)
fig.savefig("output/temperatures.png", dpi=100)
