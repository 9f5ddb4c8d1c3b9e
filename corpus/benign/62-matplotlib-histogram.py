# pyguard-corpus: verdict=allow
# what: draws a histogram of generated data with matplotlib and saves it
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

values = np.random.default_rng(3).lognormal(mean=1.0, sigma=0.4, size=2000)
fig, ax = plt.subplots()
ax.hist(values, bins=40, color="steelblue", edgecolor="white")
ax.set_xlabel("response time (s)")
ax.set_ylabel("requests")
Path("output").mkdir(exist_ok=True)
fig.savefig(Path("output") / "histogram.png")
print("mean", round(float(values.mean()), 3))
