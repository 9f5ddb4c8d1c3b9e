# pyguard-corpus: verdict=allow
# what: a while True loop that reads records until a sentinel and then breaks
import io

stream = io.StringIO("alpha\nbeta\ngamma\nEND\nignored\n")
records = []
while True:
    line = stream.readline().strip()
    if not line or line == "END":
        break
    records.append(line.upper())
print(records)
