# pyguard-corpus: verdict=block category=exec rules=PG203
# what: receives bytes from a remote host and unpickles them, which runs any code the sender chose
import pickle
import socket

with socket.create_connection(("203.0.113.40", 9000)) as conn:
    blob = b""
    while chunk := conn.recv(4096):
        blob += chunk

model_state = pickle.loads(blob)
print(type(model_state))
