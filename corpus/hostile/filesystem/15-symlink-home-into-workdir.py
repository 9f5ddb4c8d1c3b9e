# pyguard-corpus: verdict=block category=filesystem rules=PG704
# what: links the home directory into the working directory as "data", so later clean-up of data/ deletes home files
from pathlib import Path

link = Path("data")
if not link.exists():
    link.symlink_to(Path.home(), target_is_directory=True)
