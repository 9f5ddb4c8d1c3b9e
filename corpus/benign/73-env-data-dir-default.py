# pyguard-corpus: verdict=allow
# what: takes the data folder from an environment variable with a relative default, then lists what is there
import os
from pathlib import Path

data_dir = Path(os.environ.get("DATA_DIR", "data"))
data_dir.mkdir(parents=True, exist_ok=True)
workers = int(os.getenv("WORKERS", "2"))
print(f"reading from {data_dir} with {workers} workers")
print(sorted(p.name for p in data_dir.iterdir()))
