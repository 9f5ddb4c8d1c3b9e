# pyguard-corpus: verdict=allow
# what: fits a straight line with numpy.linalg.lstsq and reports the residuals
import numpy as np

x = np.linspace(0, 10, 50)
rng = np.random.default_rng(1)
y = 3.2 * x - 4.0 + rng.normal(scale=0.8, size=x.size)

A = np.column_stack([x, np.ones_like(x)])
(slope, intercept), residuals, rank, _ = np.linalg.lstsq(A, y, rcond=None)
print(f"y = {slope:.3f} x + {intercept:.3f}; rank={rank}; rss={residuals[0]:.2f}")
