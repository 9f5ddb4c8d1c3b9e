# pyguard-corpus: verdict=allow
# what: a settings object reads its options from the environment with defaults, passes them to helpers that read them with .get and logs them; nothing leaves the process
import logging
import os


class Settings:
    def __init__(self, environ):
        self.values = {
            "log_level": environ.get("LOG_LEVEL", "INFO"),
            "workers": int(environ.get("WORKERS", "2")),
            "mode": environ.get("APP_MODE", "development"),
        }

    def get(self, name, default=None):
        return self.values.get(name, default)


def describe(config, names):
    return ", ".join(f"{name}={config.get(name)}" for name in names)


settings = Settings(os.environ)
logging.basicConfig(level=settings.get("log_level"))
logging.getLogger("app").info("starting with %s", describe(settings, ["log_level", "workers", "mode"]))
