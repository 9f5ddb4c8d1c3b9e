# pyguard-corpus: verdict=allow
# what: parses Python literals from text with ast.literal_eval, which evaluates no code
import ast

samples = ["[1, 2, 3]", "{'a': 1, 'b': (2, 3)}", "3.5e2", "__import__('os')"]
for text in samples:
    try:
        print(repr(ast.literal_eval(text)))
    except (ValueError, SyntaxError) as error:
        print(f"rejected {text!r}: {type(error).__name__}")
