# pyguard-corpus: verdict=allow
# what: sums file sizes under the current working directory with os.walk, read only
import os
from collections import Counter

sizes: Counter[str] = Counter()
for root, dirs, files in os.walk("."):
    dirs[:] = [d for d in dirs if not d.startswith(".")]
    for name in files:
        ext = os.path.splitext(name)[1] or "(none)"
        sizes[ext] += os.path.getsize(os.path.join(root, name))

for ext, size in sizes.most_common(5):
    print(f"{ext:<8} {size:>10,} bytes")
