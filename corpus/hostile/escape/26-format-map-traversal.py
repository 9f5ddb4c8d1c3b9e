# pyguard-corpus: verdict=block category=escape rules=PG305
# what: str.format_map with a template that walks __class__.__init__.__globals__ of a mapping value
class Cfg:
    def __init__(self):
        self.name = "x"


template = "{cfg.__class__.__init__.__globals__}"
print(template.format_map({"cfg": Cfg()}))
