def greet(name: str) -> str:
    return f"hello, {name}!"


print(greet("world"))
