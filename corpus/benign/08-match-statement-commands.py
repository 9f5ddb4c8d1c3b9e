# pyguard-corpus: verdict=allow
# what: interprets simple text commands with a match statement
def handle(command: str, stack: list[float]) -> None:
    match command.split():
        case ["push", value]:
            stack.append(float(value))
        case ["pop"]:
            stack.pop()
        case ["add"] if len(stack) >= 2:
            stack.append(stack.pop() + stack.pop())
        case ["mul"] if len(stack) >= 2:
            stack.append(stack.pop() * stack.pop())
        case []:
            pass
        case _:
            print(f"unknown command: {command!r}")


stack: list[float] = []
for line in ["push 2", "push 3.5", "mul", "push 1", "add", "frobnicate"]:
    handle(line, stack)
print(stack)
