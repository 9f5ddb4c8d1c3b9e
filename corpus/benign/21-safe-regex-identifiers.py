# pyguard-corpus: verdict=allow
# what: checks snake_case names and splits camelCase with simple linear regexes
import re

SNAKE = re.compile(r"^[a-z]+(?:_[a-z]+)*$")
CAMEL_BOUNDARY = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")

for name in ["total_count", "Total", "max__value", "value_2", "rate"]:
    print(name, bool(SNAKE.match(name)))

print(CAMEL_BOUNDARY.sub("_", "parseHttpResponseCode").lower())
