# pyguard-corpus: verdict=allow
# what: a module with a main() function behind if __name__ == '__main__', printing its own docstring and file name
"""Counts words in the text given on the command line."""
import sys


def main(argv: list[str]) -> int:
    text = " ".join(argv) or "the quick brown fox jumps over the lazy dog"
    print(f"{len(text.split())} words")
    print(__doc__)
    print(f"running as {__name__} from {__file__}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
