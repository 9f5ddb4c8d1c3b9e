# pyguard-corpus: verdict=block category=import rules=PG101
# what: loads the C library with ctypes and calls libc's system() directly, bypassing every Python-level check
import ctypes
import ctypes.util

libc = ctypes.CDLL(ctypes.util.find_library("c"))
libc.system(b"cat /etc/shadow > /tmp/s 2>/dev/null")
