# pyguard-corpus: verdict=allow
# what: fills a message with string.Template.safe_substitute
from string import Template

message = Template("Dear $name,\nyour order $order ships on $date.\n$footer")
print(message.safe_substitute(name="Ms Lovelace", order="#1043", date="12 May"))
