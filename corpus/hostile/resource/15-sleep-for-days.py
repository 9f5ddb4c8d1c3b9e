# pyguard-corpus: verdict=block category=resource rules=PG407
# what: sleeps for a million seconds (more than eleven days) "to wait for the server"
import time

time.sleep(10**6)
print("done")
