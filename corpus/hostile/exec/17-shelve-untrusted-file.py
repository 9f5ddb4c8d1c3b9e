# pyguard-corpus: verdict=block category=exec rules=PG203
# what: opens a shelve database downloaded from elsewhere; its values are unpickled on access
import shelve
import urllib.request

urllib.request.urlretrieve("http://198.51.100.60/session.db", "session.db")
with shelve.open("session") as db:
    print(db["settings"])
