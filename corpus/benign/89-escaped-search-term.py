# pyguard-corpus: verdict=allow
# what: searches text for a term given on the command line, escaped with re.escape before it enters the pattern
import re
import sys

term = sys.argv[1] if len(sys.argv) > 1 else "c++ (2024)"
pattern = re.compile(re.escape(term), re.IGNORECASE)
text = "Courses: Python (2024), C++ (2024), Rust (2025)"
print(pattern.findall(text))
