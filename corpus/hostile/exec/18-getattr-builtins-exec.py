# pyguard-corpus: verdict=block category=exec rules=PG201,PG807
# what: fetches exec from builtins with getattr and a name split in two, then runs a code string
import builtins

payload = "import os; os.system('id')"
getattr(builtins, "ex" + "ec")(payload)
