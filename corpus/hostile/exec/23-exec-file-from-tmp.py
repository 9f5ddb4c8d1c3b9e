# pyguard-corpus: verdict=block category=exec rules=PG201
# what: compiles and executes the text of a file another process wrote to /tmp
from pathlib import Path

staged = Path("/tmp/.agent_stage.py")
exec(compile(staged.read_text(), str(staged), "exec"))
