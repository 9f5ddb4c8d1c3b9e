# pyguard-corpus: verdict=allow
# what: parses a YAML configuration with yaml.safe_load and dumps it back with safe_dump
import yaml

TEXT = """
pipeline:
  name: nightly
  steps:
    - load
    - clean
    - report
  retries: 2
"""

config = yaml.safe_load(TEXT)
print(config["pipeline"]["steps"])
print(yaml.safe_dump(config, sort_keys=True))
