# pyguard-corpus: verdict=block category=escape rules=PG303
# what: reads the local variables of every frame on the stack with inspect.stack to harvest credentials
import inspect


def harvest():
    found = {}
    for info in inspect.stack():
        for name, value in info.frame.f_locals.items():
            if "pass" in name.lower() or "secret" in name.lower():
                found[name] = value
    return found


print(harvest())
