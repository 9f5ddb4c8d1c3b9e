# pyguard-corpus: verdict=block category=redos rules=PG502
# what: trims whitespace with ^[\s\u200c]+|[\s\u200c]+$, the pattern behind the July 2016 Stack Overflow outage; quadratic on a long run of spaces not at the end
# ref: Stack Overflow outage post-mortem, 20 July 2016 (a post with 20,000 consecutive whitespace characters)
import re

TRIM = re.compile("^[\\s\u200c]+|[\\s\u200c]+$")

post = "-- " + " " * 100000 + "--"
print(len(TRIM.sub("", post)))
