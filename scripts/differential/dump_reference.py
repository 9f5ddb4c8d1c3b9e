#!/usr/bin/env python3
"""Prints CPython's own syntax-tree dump of every Python file below the given roots: the reference the
differential test compares PyGuard with. Run it with CPython 3.13 (the reference interpreter):

    ~/.pyenv/versions/3.13.0/bin/python3 scripts/differential/dump_reference.py ROOT... [--exclude NAME]...

Output, two lines per file, in sorted path order:

    ok PATH          followed by ast.dump(ast.parse(bytes), include_attributes=True)
    rejected PATH    followed by the exception CPython raised ("SyntaxError: message (line N)")

PATH is relative to its root. A dump never contains a newline (repr escapes them), so the stream can be
read line by line. Workers in a process pool keep the order while using every core.
"""
import ast
import multiprocessing
import os
import sys


def files_below(root, excluded):
    found = []
    for directory, subdirectories, names in os.walk(root):
        subdirectories[:] = sorted(d for d in subdirectories if d not in excluded)
        for name in sorted(names):
            if name.endswith(".py"):
                found.append(os.path.join(directory, name))
    return found


def reference(path):
    with open(path, "rb") as f:
        source = f.read()
    try:
        return "ok", ast.dump(ast.parse(source), include_attributes=True)
    except (SyntaxError, ValueError, RecursionError, MemoryError) as e:
        line = getattr(e, "lineno", None)
        message = getattr(e, "msg", None) or str(e)
        return "rejected", f"{type(e).__name__}: {message} (line {line})".replace("\n", " ")


def main(argv):
    roots, excluded = [], {"site-packages", "__pycache__"}
    args = iter(argv)
    for arg in args:
        if arg == "--exclude":
            excluded.add(next(args))
        else:
            roots.append(arg)
    if not roots:
        print(__doc__, file=sys.stderr)
        return 2
    jobs = [(root, path) for root in roots for path in files_below(root, excluded)]
    out = sys.stdout
    with multiprocessing.Pool() as pool:
        for (root, path), (status, text) in zip(jobs, pool.imap(reference, [p for _, p in jobs], chunksize=8)):
            out.write(f"{status} {os.path.relpath(path, root)}\n{text}\n")
    out.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
