# pyguard-corpus: verdict=block category=filesystem rules=PG704
# what: creates data/mirror as a symlink to the filesystem root, so any later recursive clean-up of data/ walks the whole machine
import os

os.makedirs("data", exist_ok=True)
os.symlink(os.path.abspath(os.sep), os.path.join("data", "mirror"), target_is_directory=True)
