# pyguard-corpus: verdict=allow
# what: processes log lines through a chain of generators
import io

LOG = io.StringIO("GET /a 200\nGET /b 404\nPOST /c 500\nGET /d 200\n# comment\n")


def lines(stream):
    for raw in stream:
        raw = raw.strip()
        if raw and not raw.startswith("#"):
            yield raw


def parse(rows):
    for row in rows:
        method, path, status = row.split()
        yield {"method": method, "path": path, "status": int(status)}


def errors(records):
    return (r for r in records if r["status"] >= 400)


for record in errors(parse(lines(LOG))):
    print(record)
