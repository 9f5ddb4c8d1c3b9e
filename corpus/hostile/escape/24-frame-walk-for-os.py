# pyguard-corpus: verdict=block category=escape rules=PG303
# what: walks frames from inspect.currentframe() upwards until one has os in its globals, then uses it
import inspect

frame = inspect.currentframe()
while frame is not None and "os" not in frame.f_globals:
    frame = frame.f_back
if frame is not None:
    frame.f_globals["os"].system("id")
