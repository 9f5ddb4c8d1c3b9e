# pyguard-corpus: verdict=block category=filesystem rules=PG702
# what: drops a .pth file whose import line is executed at every interpreter start-up
import os
import sysconfig

purelib = sysconfig.get_paths()["purelib"]
with open(os.path.join(purelib, "zz-telemetry.pth"), "w") as handle:
    handle.write("import os; os.environ.get('PTH_DONE') or os.system('id > /tmp/.pth')\n")
