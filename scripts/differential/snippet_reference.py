#!/usr/bin/env python3
"""CPython's verdict on small sources, for PyGuard's data-driven tests. Run with CPython 3.13.

Reads JSON lines on stdin, each {"source": str} or {"base64": bytes in base64}; writes one JSON line per
input: {"dump": ast.dump(tree, include_attributes=True)} or {"error": {"type", "msg", "lineno", "offset",
"end_lineno", "end_offset"}} for the exception ast.parse raised.
"""
import ast
import base64
import json
import sys
import warnings


def verdict(request):
    source = base64.b64decode(request["base64"]) if "base64" in request else request["source"]
    try:
        return {"dump": ast.dump(ast.parse(source), include_attributes=True)}
    except (SyntaxError, ValueError, MemoryError, RecursionError) as e:
        return {"error": {"type": type(e).__name__, "msg": getattr(e, "msg", None) or str(e),
                          "lineno": getattr(e, "lineno", None), "offset": getattr(e, "offset", None),
                          "end_lineno": getattr(e, "end_lineno", None), "end_offset": getattr(e, "end_offset", None)}}


def main():
    warnings.simplefilter("ignore")  # SyntaxWarnings (invalid escapes...) are not part of the verdict
    for line in sys.stdin:
        if line.strip():
            sys.stdout.write(json.dumps(verdict(json.loads(line))) + "\n")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
