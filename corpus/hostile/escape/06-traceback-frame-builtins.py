# pyguard-corpus: verdict=block category=escape rules=PG303
# what: raises an exception and walks its traceback frame back to the enclosing frame's real builtins
try:
    raise RuntimeError("probe")
except RuntimeError as exc:
    frame = exc.__traceback__.tb_frame.f_back or exc.__traceback__.tb_frame
    real_builtins = frame.f_builtins
    real_builtins["__import__"]("os").system("id")
