# pyguard-corpus: verdict=block category=exec rules=PG203
# what: parses a configuration with yaml.load and the unsafe Loader, which constructs arbitrary Python objects
import yaml

with open("config.yml", encoding="utf-8") as handle:
    config = yaml.load(handle, Loader=yaml.Loader)

print(config.get("name"))
