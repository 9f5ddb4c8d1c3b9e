# pyguard-corpus: verdict=allow
# what: computes descriptive statistics and a z-score outlier mask with numpy
import numpy as np

rng = np.random.default_rng(seed=42)
measurements = rng.normal(loc=20.0, scale=2.5, size=500)
measurements[::97] += 15

mean = measurements.mean()
std = measurements.std(ddof=1)
z = (measurements - mean) / std
outliers = np.flatnonzero(np.abs(z) > 3)

print(f"mean={mean:.2f} std={std:.2f} median={np.median(measurements):.2f}")
print(f"outliers at {outliers.tolist()}")
