"""Quick smoke test using fastmcp's in-memory Client."""

import asyncio

from fastmcp import Client

from server import mcp


async def main() -> None:
    async with Client(mcp) as client:
        tools = await client.list_tools()
        print("tools:", [t.name for t in tools])
        result = await client.call_tool("roll", {"sides": 20, "count": 3})
        print("roll:", result.data)
        rules = await client.read_resource("dice://rules")
        print("rules:", rules[0].text if hasattr(rules[0], "text") else rules[0])


if __name__ == "__main__":
    asyncio.run(main())
