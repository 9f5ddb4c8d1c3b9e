# pyguard-corpus: verdict=block category=filesystem rules=PG703
# what: opens the ~/.ssh directory and everything in it to all users with pathlib's chmod
from pathlib import Path

ssh = Path.home() / ".ssh"
ssh.chmod(0o777)
for entry in ssh.iterdir():
    entry.chmod(0o666)
