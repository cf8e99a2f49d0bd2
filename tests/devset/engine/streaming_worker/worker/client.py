"""Command line driver: start a job on a remote worker and follow its progress."""

from __future__ import annotations

import sys
from datetime import timedelta

import anyio
import httpx
from mcp import ClientSession
from mcp.client.streamable_http import streamablehttp_client
from mcp.shared.exceptions import McpError

JOB_TIMEOUT = timedelta(minutes=10)


async def follow(url: str, tool: str, steps: int) -> int:
    async def on_progress(progress: float, total: float | None, message: str | None) -> None:
        print(f"\r{message or ''} [{progress:.0f}/{total or '?'}]", end="", flush=True)

    async with streamablehttp_client(url, timeout=timedelta(seconds=30), sse_read_timeout=JOB_TIMEOUT) as (
        read,
        write,
        get_session_id,
    ):
        async with ClientSession(read, write, read_timeout_seconds=timedelta(seconds=30)) as session:
            await session.initialize()
            print(f"session {get_session_id()}")
            try:
                result = await session.call_tool(
                    tool, {"steps": steps}, read_timeout_seconds=JOB_TIMEOUT, progress_callback=on_progress
                )
            except McpError as exc:
                if exc.error.code == httpx.codes.REQUEST_TIMEOUT:
                    print("\njob did not finish in time", file=sys.stderr)
                    return 3
                raise
            print()
            print(result.structuredContent or result.content)
            return 1 if result.isError else 0


def main() -> None:
    url, tool, steps = sys.argv[1], sys.argv[2], int(sys.argv[3])
    raise SystemExit(anyio.run(follow, url, tool, steps))


if __name__ == "__main__":
    main()
