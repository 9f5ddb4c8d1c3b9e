# pyguard-corpus: verdict=allow
# what: reads the log level from an environment variable with a default and configures logging with it
import logging
import os

level_name = os.environ.get("LOG_LEVEL", "INFO").upper()
level = getattr(logging, level_name, logging.INFO)
logging.basicConfig(level=level, format="%(levelname)s %(message)s")
logging.getLogger("report").info("log level is %s", logging.getLevelName(level))
print(f"LOG_LEVEL={level_name}")
