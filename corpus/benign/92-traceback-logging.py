# pyguard-corpus: verdict=allow
# what: logs a failed record with its traceback and carries on
import logging
import traceback

logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")
records = ["10", "x", "30"]
total = 0
for value in records:
    try:
        total += int(value)
    except ValueError:
        logging.warning("bad record %r\n%s", value, traceback.format_exc(limit=1))
print("total", total)
