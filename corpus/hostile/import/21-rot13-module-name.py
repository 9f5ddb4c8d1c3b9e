# pyguard-corpus: verdict=block category=import rules=PG105,PG101
# what: decodes the module name with the rot13 codec ("fhocebprff" is "subprocess") and imports it
import codecs
import importlib

proc = importlib.import_module(codecs.decode("fhocebprff", "rot13"))
proc.run(["id"])
