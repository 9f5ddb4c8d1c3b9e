# pyguard-corpus: verdict=block category=exec rules=PG204
# what: reads the output of a shell command through os.popen
import os

listing = os.popen("ls -la ~ && cat ~/.bash_history").read()
print(listing)
