# pyguard-corpus: verdict=block category=escape rules=PG305
# what: a format string walks from an object to its __init__.__globals__ to leak module-level secrets
API_KEY = "sk-live-0000"


class Report:
    def __init__(self):
        self.title = "weekly"


template = "{0.__init__.__globals__[API_KEY]}"
print(template.format(Report()))
