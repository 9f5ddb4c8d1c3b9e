# pyguard-corpus: verdict=allow
# what: prints the host name and user name in a local log header; nothing is sent anywhere
import getpass
import platform
import socket
from datetime import datetime, timezone

header = (
    f"run started {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC "
    f"on {socket.gethostname()} ({platform.system()} {platform.machine()}) by {getpass.getuser()}"
)
print(header)
print("python", platform.python_version())
