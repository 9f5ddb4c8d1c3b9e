# pyguard-corpus: verdict=allow
# what: picks a standard-library serialiser from a fixed table of module names and imports it with importlib
import importlib

FORMATS = {"json": "json", "csv": "csv"}


def serializer(fmt: str):
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt}")
    return importlib.import_module(FORMATS[fmt])


json_module = serializer("json")
print(json_module.dumps({"ok": True}))
