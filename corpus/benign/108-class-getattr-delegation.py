# pyguard-corpus: verdict=allow
# what: a wrapper class that delegates unknown attributes to the wrapped list with __getattr__
class LoggedList:
    def __init__(self) -> None:
        self._items: list[str] = []
        self.calls: list[str] = []

    def __getattr__(self, name: str):
        attr = getattr(self._items, name)
        if callable(attr):
            def logged(*args, **kwargs):
                self.calls.append(name)
                return attr(*args, **kwargs)

            return logged
        return attr


items = LoggedList()
items.append("a")
items.extend(["b", "c"])
print(items.count("a"), items.calls)
