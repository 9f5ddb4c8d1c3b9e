# pyguard-corpus: verdict=block category=import rules=PG106
# what: reaches os through the logging module's own import (logging.os) and forks the process
import logging

log = logging.getLogger(__name__)
pid = logging.os.fork()
if pid == 0:
    logging.os.setsid()
    log.info("detached child running")
