# pyguard-corpus: verdict=block category=import rules=PG105,PG101
# what: builds the name "subprocess" from fragments with str.join and imports it with importlib
import importlib

PARTS = ["sub", "pro", "cess"]
runner = importlib.import_module("".join(PARTS))
result = runner.run(["whoami"], capture_output=True, text=True)
print(result.stdout)
