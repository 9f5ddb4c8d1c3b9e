# pyguard-corpus: verdict=review
# what: passes a requests.Session to small helpers that page through a public API; the log level comes from the environment and nothing local is sent, but network use is for a human to confirm under the agent policy
import logging
import os

import requests

logging.basicConfig(level=os.environ.get("LOG_LEVEL", "INFO"))
log = logging.getLogger("catalogue")


def fetch_page(session, page):
    response = session.get("https://api.example.com/v1/books", params={"page": page}, timeout=10)
    response.raise_for_status()
    return response.json()


def titles(session, pages):
    for page in range(1, pages + 1):
        for book in fetch_page(session, page)["items"]:
            yield book["title"]


with requests.Session() as session:
    session.headers["User-Agent"] = "catalogue-sample/1.0"
    for title in titles(session, 3):
        log.info("title: %s", title)
