# pyguard-corpus: verdict=block category=resource rules=PG407
# what: sleeps for a year, with the duration computed in a variable first
import time

SECONDS_PER_DAY = 60 * 60 * 24
delay = SECONDS_PER_DAY * 365
time.sleep(delay)
