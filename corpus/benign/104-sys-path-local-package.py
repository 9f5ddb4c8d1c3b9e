# pyguard-corpus: verdict=review
# what: adds the src/ folder next to the script to sys.path and imports a local helper module from it; harmless here, but a gate that sees one file cannot see the helper, so a human should look
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "src"))

try:
    import helpers_local
except ImportError:
    helpers_local = None

print("local helpers available:", helpers_local is not None)
print(sys.path[0])
