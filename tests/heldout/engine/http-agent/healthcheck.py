"""Health probe for remote MCP endpoints, suitable for a cron job or k8s probe.

Exits 0 if the server answers initialize + tools/list, 1 otherwise.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from typing import TypeVar

import httpx
from mcp import ClientSession
from mcp.client.streamable_http import streamable_http_client
from mcp.shared.exceptions import McpError
from mcp.shared.version import SUPPORTED_PROTOCOL_VERSIONS


E = TypeVar("E", bound=BaseException)


def _find(exc: BaseException, kind: type[E]) -> E | None:
    """Find the first exception of `kind` in a (possibly nested) exception group."""
    if isinstance(exc, kind):
        return exc
    for inner in getattr(exc, "exceptions", ()):
        found = _find(inner, kind)
        if found is not None:
            return found
    return None


async def probe(url: str, token: str | None, timeout: float) -> tuple[bool, str]:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    started = time.monotonic()
    outcome: tuple[bool, str] = (False, "no response")
    http_client = httpx.AsyncClient(
        headers=headers,
        timeout=httpx.Timeout(timeout, read=timeout * 2),
        follow_redirects=True,
    )
    try:
        async with http_client:
            async with streamable_http_client(url, http_client=http_client) as (read, write, get_session_id):
                async with ClientSession(read, write) as session:
                    init = await session.initialize()
                    if init.protocolVersion not in SUPPORTED_PROTOCOL_VERSIONS:
                        return False, f"unexpected protocol {init.protocolVersion}"
                    try:
                        tools = await session.list_tools()
                    except McpError as exc:
                        if exc.error.code == 32600:
                            return False, "session terminated by server"
                        raise
                    elapsed = (time.monotonic() - started) * 1000
                    outcome = True, (
                        f"{init.serverInfo.name} ok: {len(tools.tools)} tools, "
                        f"session={get_session_id()}, {elapsed:.0f} ms"
                    )
    except Exception as exc:  # anyio wraps transport failures in an ExceptionGroup
        status_error = _find(exc, httpx.HTTPStatusError)
        if status_error is not None:
            outcome = False, f"HTTP {status_error.response.status_code}"
        elif _find(exc, httpx.ConnectError) is not None:
            outcome = False, "connection refused"
        else:
            raise
    return outcome


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("--token")
    parser.add_argument("--timeout", type=float, default=10.0)
    args = parser.parse_args()
    ok, detail = asyncio.run(probe(args.url, args.token, args.timeout))
    print(("OK " if ok else "FAIL ") + detail)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
