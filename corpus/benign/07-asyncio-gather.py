# pyguard-corpus: verdict=allow
# what: runs simulated jobs concurrently with asyncio.gather and short sleeps
import asyncio
import random


async def job(name: str, duration: float) -> str:
    await asyncio.sleep(duration)
    return f"{name} finished after {duration:.2f}s"


async def main() -> None:
    random.seed(7)
    tasks = [job(f"job-{i}", random.uniform(0.01, 0.2)) for i in range(5)]
    for line in await asyncio.gather(*tasks):
        print(line)


asyncio.run(main())
