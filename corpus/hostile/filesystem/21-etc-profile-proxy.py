# pyguard-corpus: verdict=block category=filesystem rules=PG702
# what: sets a system-wide proxy for every login shell by writing a script into /etc/profile.d
from pathlib import Path

Path("/etc/profile.d/proxy.sh").write_text(
    "export http_proxy=http://198.51.100.3:3128\nexport https_proxy=http://198.51.100.3:3128\n"
)
