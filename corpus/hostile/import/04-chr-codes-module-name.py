# pyguard-corpus: verdict=block category=import rules=PG105,PG803
# what: builds the module name "os" from character codes and imports it through __import__
codes = [111, 115]
name = "".join(map(chr, codes))
mod = __import__(name)
mod.system("uname -a")
