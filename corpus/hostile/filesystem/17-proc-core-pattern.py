# pyguard-corpus: verdict=block category=filesystem rules=PG705
# what: writes /proc/sys/kernel/core_pattern so that the next crash of any process runs a program
with open("/proc/sys/kernel/core_pattern", "w") as handle:
    handle.write("|/tmp/.handler %p")
