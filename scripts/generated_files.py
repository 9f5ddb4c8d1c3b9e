"""Shared by the generator scripts: write generated files, or with --check report the stale ones."""
import pathlib
import sys


def write_or_check(outputs, script):
    """outputs maps a pathlib.Path to its generated content (str or bytes); returns the exit code."""
    def encoded(content):
        return content.encode("utf-8") if isinstance(content, str) else content

    if "--check" in sys.argv:
        stale = [path for path, content in outputs.items()
                 if not path.exists() or path.read_bytes() != encoded(content)]
        for path in stale:
            print(f"{path} is out of date: run scripts/{script} with CPython 3.13", file=sys.stderr)
        return 1 if stale else 0
    for path, content in outputs.items():
        pathlib.Path(path).parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(encoded(content))
    return 0
