# pyguard-corpus: verdict=allow
# what: a command-line interface defined with argparse, parsed from a fixed argument list
import argparse

parser = argparse.ArgumentParser(description="Resize images in a folder.")
parser.add_argument("folder")
parser.add_argument("--width", type=int, default=800)
parser.add_argument("--keep-ratio", action="store_true")
parser.add_argument("--format", choices=["png", "jpeg"], default="png")

args = parser.parse_args(["photos", "--width", "640", "--keep-ratio"])
print(vars(args))
