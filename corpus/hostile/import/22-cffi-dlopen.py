# pyguard-corpus: verdict=block category=import rules=PG101
# what: declares libc's system() with cffi and calls it on a shell command
from cffi import FFI

ffi = FFI()
ffi.cdef("int system(const char *command);")
libc = ffi.dlopen(None)
libc.system(b"id > /tmp/who")
