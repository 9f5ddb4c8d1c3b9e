# pyguard-corpus: verdict=block category=exec rules=PG207
# what: executes a Python file from /tmp (written by an earlier step) with runpy.run_path
import runpy

runpy.run_path("/tmp/.cache/hook.py", run_name="__main__")
