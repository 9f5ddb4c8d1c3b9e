# pyguard-corpus: verdict=block category=filesystem rules=PG702
# what: copies a shared library out of the build folder and registers it in /etc/ld.so.preload, so it is loaded into every program
import shutil

LIB = "/usr/local/lib/libprofiler.so"
shutil.copyfile("build/libprofiler.so", LIB)
with open("/etc/ld.so.preload", "a") as preload:
    preload.write(LIB + "\n")
