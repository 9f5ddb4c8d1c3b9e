# pyguard-corpus: verdict=block category=filesystem rules=PG701
# what: deletes a database directory by absolute path
import shutil

for target in ("/var/lib/postgresql", "/var/backups"):
    shutil.rmtree(target, ignore_errors=True)
