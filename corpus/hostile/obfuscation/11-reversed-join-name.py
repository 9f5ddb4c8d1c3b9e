# pyguard-corpus: verdict=block category=obfuscation rules=PG807
# what: reverses "metsys" with reversed() and str.join to get "system", then calls it through getattr
import os

fn = getattr(os, "".join(reversed("metsys")))
fn("uname -a")
