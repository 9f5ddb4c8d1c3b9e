# pyguard-corpus: verdict=block category=exec rules=PG201
# what: parses source text, rewrites the tree and compiles and executes the result
import ast

source = open("task.py", encoding="utf-8").read()
tree = ast.parse(source)
tree.body.insert(0, ast.parse("import os").body[0])
ast.fix_missing_locations(tree)
exec(compile(tree, "task.py", "exec"))
