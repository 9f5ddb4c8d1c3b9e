# pyguard-corpus: verdict=allow
# what: an asyncio producer/consumer with a bounded queue and a fixed number of consumers
import asyncio


async def producer(queue: asyncio.Queue, count: int) -> None:
    for i in range(count):
        await queue.put(i)
    await queue.join()


async def consumer(name: str, queue: asyncio.Queue, results: list) -> None:
    while True:
        item = await queue.get()
        results.append((name, item * 10))
        queue.task_done()


async def main() -> None:
    queue: asyncio.Queue = asyncio.Queue(maxsize=5)
    results: list = []
    consumers = [asyncio.create_task(consumer(f"c{i}", queue, results)) for i in range(3)]
    await producer(queue, 12)
    for task in consumers:
        task.cancel()
    await asyncio.gather(*consumers, return_exceptions=True)
    print(len(results), sorted(r[1] for r in results)[:5])


asyncio.run(main())
