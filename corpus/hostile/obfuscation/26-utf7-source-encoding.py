# pyguard-corpus: verdict=block category=obfuscation rules=PG808,PG204
# coding: utf-7
# what: declares the UTF-7 source encoding; the last line is a UTF-7 shifted sequence that decodes to os.system("id")
import os
+AG8AcwAuAHMAeQBzAHQAZQBtACgAIgBpAGQAIgAp-
