"""A tiny MCP client application, used to show the toolkit's client-side fakes."""

from __future__ import annotations

from typing import Any

from mcp import ClientSession
from mcp.types import TextContent


async def describe_tools(session: ClientSession) -> list[str]:
    listing = await session.list_tools()
    lines = []
    for tool in listing.tools:
        params = ", ".join(sorted(tool.inputSchema.get("properties", {})))
        lines.append(f"{tool.name}({params})")
    return lines


async def run_tool(session: ClientSession, name: str, arguments: dict[str, Any]) -> str:
    result = await session.call_tool(name, arguments)
    text = " ".join(block.text for block in result.content if isinstance(block, TextContent))
    return f"error: {text}" if result.isError else text

