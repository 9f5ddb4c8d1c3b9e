# pyguard-corpus: verdict=allow
# what: evaluates arithmetic from text by walking the ast with an allow-list of node types, never calling eval or compile
import ast
import operator

OPS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv, ast.USub: operator.neg}


def evaluate(text: str) -> float:
    def walk(node: ast.AST) -> float:
        match node:
            case ast.Expression(body=body):
                return walk(body)
            case ast.Constant(value=int() | float() as value):
                return value
            case ast.BinOp(left=left, op=op, right=right) if type(op) in OPS:
                return OPS[type(op)](walk(left), walk(right))
            case ast.UnaryOp(op=ast.USub(), operand=operand):
                return -walk(operand)
            case _:
                raise ValueError(f"unsupported: {ast.dump(node)[:40]}")

    return walk(ast.parse(text, mode="eval"))


print(evaluate("2 * (3 + 4) - -1 / 4"))
try:
    evaluate("__import__('os')")
except ValueError as error:
    print(error)
