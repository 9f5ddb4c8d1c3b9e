# pyguard-corpus: verdict=allow
# what: counts word frequencies in a text with collections.Counter
import re
from collections import Counter

TEXT = """It was the best of times, it was the worst of times, it was the age of wisdom,
it was the age of foolishness, it was the epoch of belief, it was the epoch of incredulity."""

words = re.findall(r"[a-z']+", TEXT.lower())
STOP = {"it", "was", "the", "of"}
counts = Counter(w for w in words if w not in STOP)
for word, count in counts.most_common(5):
    print(f"{word:<12}{count}")
