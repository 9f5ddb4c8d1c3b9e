# pyguard-corpus: verdict=block category=import rules=PG101,PG205
# what: spawns an interactive shell on a pseudo-terminal with pty.spawn
import pty

pty.spawn("/bin/bash")
