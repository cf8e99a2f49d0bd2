"""Post-deploy smoke test: ORDERS_TOKEN=... python scripts/smoke_client.py <url>"""

from __future__ import annotations

import asyncio
import json
import os
import sys
from datetime import timedelta

import httpx
from pydantic import AnyUrl

from mcp import ClientSession
from mcp.client.streamable_http import streamablehttp_client
from mcp.shared.exceptions import McpError
from mcp.types import CallToolResult, Cursor, LoggingMessageNotificationParams, TextContent, Tool


async def print_log(params: LoggingMessageNotificationParams) -> None:
    print(f"  [server {params.level}] {params.data}", file=sys.stderr)


async def all_tools(session: ClientSession) -> list[Tool]:
    tools: list[Tool] = []
    cursor: Cursor | None = None
    while True:
        page = await session.list_tools(cursor=cursor)
        tools.extend(page.tools)
        cursor = page.nextCursor
        if cursor is None:
            return tools


def render(result: CallToolResult) -> str:
    if result.structuredContent is not None:
        return json.dumps(result.structuredContent, indent=2)
    return "\n".join(block.text for block in result.content if isinstance(block, TextContent))


async def run_checks(url: str, token: str) -> int:
    headers = {"Authorization": f"Bearer {token}"}
    async with streamablehttp_client(url, headers=headers, timeout=timedelta(seconds=10)) as (
        read,
        write,
        get_session_id,
    ):
        async with ClientSession(
            read, write, read_timeout_seconds=timedelta(seconds=20), logging_callback=print_log
        ) as session:
            init = await session.initialize()
            print(f"connected to {init.serverInfo.name} {init.serverInfo.version} ({init.protocolVersion})")
            print(f"session id: {get_session_id()}")
            for tool in await all_tools(session):
                required = tool.inputSchema.get("required", [])
                print(f"- {tool.name}: required={required} structured={tool.outputSchema is not None}")
            try:
                result = await session.call_tool("get_order", {"order_id": "A-1001"})
            except McpError as exc:
                print(f"MCP error {exc.error.code}: {exc.error.message}", file=sys.stderr)
                return 2
            if result.isError:
                print("get_order failed:", render(result))
                return 1
            print(render(result))
            order = await session.read_resource(AnyUrl("orders://A-1001"))
            print(f"order resource: {order.contents[0].mimeType}")
    return 0


async def main(url: str) -> int:
    status = 0
    try:
        status = await run_checks(url, os.environ["ORDERS_TOKEN"])
    except* httpx.HTTPStatusError as group:
        for exc in group.exceptions:
            print(f"HTTP error: {exc}", file=sys.stderr)
        status = 3
    return status


if __name__ == "__main__":
    sys.exit(asyncio.run(main(sys.argv[1] if len(sys.argv) > 1 else "http://localhost:8080/mcp/")))
