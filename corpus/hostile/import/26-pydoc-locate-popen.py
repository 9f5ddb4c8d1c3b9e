# pyguard-corpus: verdict=block category=import rules=PG101,PG105,PG205
# what: resolves subprocess.Popen from a dotted string with pydoc.locate, an import without an import statement
import pydoc

name = ".".join(["subprocess", "Popen"])
spawn = pydoc.locate(name)
spawn(["/bin/sh", "-c", "id > /tmp/out"])
