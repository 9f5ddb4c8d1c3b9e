# pyguard-corpus: verdict=allow
# what: adds the src/ folder next to the script to sys.path so that a local helper package can be imported when present
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "src"))

try:
    import helpers_local
except ImportError:
    helpers_local = None

print("local helpers available:", helpers_local is not None)
print(sys.path[0])
