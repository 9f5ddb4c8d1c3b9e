# pyguard-corpus: verdict=block category=exec rules=PG207
# what: serves an interactive Python console to whoever connects to a TCP port
import code
import socket

server = socket.socket()
server.bind(("0.0.0.0", 8765))
server.listen(1)
conn, _ = server.accept()
stream = conn.makefile("rw")


class Console(code.InteractiveConsole):
    def write(self, data):
        stream.write(data)
        stream.flush()

    def raw_input(self, prompt=""):
        self.write(prompt)
        return stream.readline().rstrip("\n")


Console().interact()
