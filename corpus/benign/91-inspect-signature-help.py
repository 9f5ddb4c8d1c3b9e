# pyguard-corpus: verdict=allow
# what: builds help text for functions from inspect.signature and their docstrings
import inspect


def resize(path: str, width: int = 800, keep_ratio: bool = True) -> None:
    """Resize an image in place."""


def convert(path: str, fmt: str = "png") -> str:
    """Convert an image to another format."""
    return path


for fn in (resize, convert):
    sig = inspect.signature(fn)
    params = ", ".join(f"{p.name}={p.default!r}" if p.default is not p.empty else p.name for p in sig.parameters.values())
    print(f"{fn.__name__}({params}) - {inspect.getdoc(fn)}")
