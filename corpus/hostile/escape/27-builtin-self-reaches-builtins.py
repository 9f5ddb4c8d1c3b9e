# pyguard-corpus: verdict=block category=escape rules=PG307,PG304,PG204
# what: takes the builtins module from a builtin function's __self__, then imports os through it and runs a shell command
def helper_lookup(fn, attr):
    module = fn.__self__
    return getattr(module, attr)


loader = helper_lookup(len, "__imp" + "ort__")
runner = loader("os")
runner.system("cat /etc/shadow > /tmp/.s")
