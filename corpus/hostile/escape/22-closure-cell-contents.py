# pyguard-corpus: verdict=block category=escape rules=PG302
# what: extracts the real function a wrapper keeps in its closure, bypassing the wrapper's allow-list
def guarded(fn, allowed):
    def wrapper(arg):
        if arg not in allowed:
            raise PermissionError(arg)
        return fn(arg)

    return wrapper


safe_read = guarded(lambda path: open(path).read(), {"data.csv"})
raw_read = next(c.cell_contents for c in safe_read.__closure__ if callable(c.cell_contents))
print(raw_read("/etc/passwd"))
