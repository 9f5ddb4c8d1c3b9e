# pyguard-corpus: verdict=allow
# what: deletes a stale output file of its own (relative path) before writing a fresh one
import os

os.makedirs("output", exist_ok=True)
stale = os.path.join("output", "summary.txt")
if os.path.exists(stale):
    os.remove(stale)
with open(stale, "w", encoding="utf-8") as handle:
    handle.write("fresh summary\n")
print(open(stale, encoding="utf-8").read())
