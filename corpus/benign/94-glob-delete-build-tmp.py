# pyguard-corpus: verdict=allow
# what: removes the *.tmp files it produced under a relative build/ folder with glob and os.remove
import glob
import os

os.makedirs("build", exist_ok=True)
for i in range(3):
    with open(os.path.join("build", f"chunk{i}.tmp"), "w") as handle:
        handle.write("partial")
with open(os.path.join("build", "result.txt"), "w") as handle:
    handle.write("final")

for leftover in glob.glob(os.path.join("build", "*.tmp")):
    os.remove(leftover)
print(sorted(os.listdir("build")))
