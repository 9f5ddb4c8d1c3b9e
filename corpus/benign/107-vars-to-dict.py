# pyguard-corpus: verdict=allow
# what: serialises plain objects with vars(obj) and rebuilds them with keyword arguments
import json


class Settings:
    def __init__(self, theme: str = "dark", font_size: int = 12, autosave: bool = True) -> None:
        self.theme = theme
        self.font_size = font_size
        self.autosave = autosave


original = Settings(font_size=14)
text = json.dumps(vars(original))
restored = Settings(**json.loads(text))
print(text, restored.font_size, restored.__dict__ == original.__dict__)
