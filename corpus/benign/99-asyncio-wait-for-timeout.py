# pyguard-corpus: verdict=allow
# what: bounds a slow coroutine with asyncio.wait_for and handles the timeout
import asyncio


async def slow_lookup(key: str) -> str:
    await asyncio.sleep(0.3)
    return key.upper()


async def main() -> None:
    try:
        print(await asyncio.wait_for(slow_lookup("fast"), timeout=1.0))
        print(await asyncio.wait_for(slow_lookup("slow"), timeout=0.05))
    except TimeoutError:
        print("lookup timed out")


asyncio.run(main())
