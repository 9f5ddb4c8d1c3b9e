# pyguard-corpus: verdict=block category=exec rules=PG205
# what: replaces the interpreter with an interactive bash through os.execvp
import os

os.execvp("bash", ["bash", "-i"])
