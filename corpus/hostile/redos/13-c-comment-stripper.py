# pyguard-corpus: verdict=block category=redos rules=PG501
# what: strips C comments with /\*(.|\s)*?\*/ under DOTALL; "." and \s both match whitespace, so an unterminated comment explodes
import re
from pathlib import Path

COMMENT = re.compile(r"/\*(.|\s)*?\*/", re.DOTALL)

source = Path("vendor/lib.c").read_text(encoding="utf-8")
print(COMMENT.sub("", source))
print(COMMENT.sub("", "/*" + " " * 200))
