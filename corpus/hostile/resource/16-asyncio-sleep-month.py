# pyguard-corpus: verdict=block category=resource rules=PG407
# what: an async task that sleeps for thirty days
import asyncio


async def main() -> None:
    await asyncio.sleep(86400 * 30)


asyncio.run(main())
