# pyguard-corpus: verdict=allow
# what: configures logging with dictConfig and logs to the console
import logging
import logging.config

logging.config.dictConfig(
    {
        "version": 1,
        "formatters": {"short": {"format": "%(asctime)s %(levelname)-7s %(name)s: %(message)s"}},
        "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "short"}},
        "root": {"level": "DEBUG", "handlers": ["console"]},
    }
)
log = logging.getLogger("etl")
log.debug("starting")
log.info("loaded %d rows", 1234)
log.warning("skipped %d malformed rows", 3)
