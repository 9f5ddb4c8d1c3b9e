# pyguard-corpus: verdict=block category=exec rules=PG201
# what: a "calculator" that evaluates whatever expression it is given with eval
import sys

expression = sys.argv[1] if len(sys.argv) > 1 else input("expression: ")
print(eval(expression))
