# pyguard-corpus: verdict=allow
# what: validates host names and IPv4 addresses with bounded, unambiguous regexes and ipaddress
import ipaddress
import re

HOSTNAME = re.compile(r"^(?=.{1,253}$)(?!-)[a-z0-9-]{1,63}(?<!-)(?:\.(?!-)[a-z0-9-]{1,63}(?<!-))*$", re.IGNORECASE)
IPV4 = re.compile(r"^(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$")

for value in ["example.com", "-bad.example", "db-01.internal", "192.168.1.20", "256.1.1.1"]:
    kind = "ipv4" if IPV4.match(value) else "host" if HOSTNAME.match(value) else "invalid"
    print(value, kind)

print(ipaddress.ip_address("10.0.0.1").is_private)
