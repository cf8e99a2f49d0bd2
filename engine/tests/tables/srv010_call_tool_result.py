"""SRV010: `MCPServer.call_tool()` returns `CallToolResult`

Rule: engine/mcp_migrate/rules/srv010_call_tool_result.py. Table format: engine/tests/tables/__init__.py.
"""

from . import case

CASES = [
    case(
        " from mcp.server.fastmcp import FastMCP\n"
        " \n"
        " mcp = FastMCP('d')\n"
        " \n"
        " async def test_add():\n"
        "+    # mcp-migrate: SRV010 `call_tool()` now returns a `CallToolResult` (not a content list or a `(content, structured)` tuple): read `.content` and `.structured_content` from it https://py.sdk.modelcontextprotocol.io/v2/migration/#mcpservercall_tool-returns-calltoolresult\n"
        "     content, structured = await mcp.call_tool('add', {'a': 1})\n"
        "     assert structured == {'result': 1}\n",
        findings=["SRV010:6 manual"],
    ),
    # the result's later reads that take v1's shape apart carry the marker too; v2 reads do not
    case(
        " from mcp.server.fastmcp import FastMCP\n"
        " \n"
        " mcp = FastMCP('d')\n"
        " \n"
        " async def test_echo():\n"
        "+    # mcp-migrate: SRV010 `call_tool()` now returns a `CallToolResult` (not a content list or a `(content, structured)` tuple): read `.content` and `.structured_content` from it https://py.sdk.modelcontextprotocol.io/v2/migration/#mcpservercall_tool-returns-calltoolresult\n"
        "     result = await mcp.call_tool('echo', {'text': 'hi'})\n"
        "+    # mcp-migrate: SRV010 `result` holds a `CallToolResult` now (from `call_tool()` above): read `result.content` / `result.structured_content` https://py.sdk.modelcontextprotocol.io/v2/migration/#mcpservercall_tool-returns-calltoolresult\n"
        "     assert len(result) == 1\n"
        "+    # mcp-migrate: SRV010 `result` holds a `CallToolResult` now (from `call_tool()` above): read `result.content` / `result.structured_content` https://py.sdk.modelcontextprotocol.io/v2/migration/#mcpservercall_tool-returns-calltoolresult\n"
        "     assert result[0].text == 'hi' and result[0].type == 'text'\n"
        "     assert not result.is_error\n"
        "     result = 'other'\n"
        "     print(result)\n",
        findings=["SRV010:6 manual", "SRV010:7 manual", "SRV010:8 manual", "SRV010:8 manual"],
    ),
]

NOOP = [
    # an override handing v2's result straight back to v2's handler
    "from mcp.server.fastmcp import FastMCP\n"
    "class A(FastMCP):\n"
    "    async def call_tool(self, name, arguments, context=None):\n"
    "        return await super().call_tool(name, arguments, context=context)\n",
    "from mcp import ClientSession\n\nasync def f(session: ClientSession):\n    r = await session.call_tool('x', {})\n",
    "from fastmcp import FastMCP\nmcp = FastMCP('d')\n\nasync def f():\n    await mcp.call_tool('x', {})\n",
    # the result is dropped (a call made for its exception): nothing to read differently
    "from mcp.server.fastmcp import FastMCP\nmcp = FastMCP('d')\n\nasync def f():\n    await mcp.call_tool('x', {})\n",
    "from mcp.server.mcpserver import MCPServer\n"
    "mcp = MCPServer('d')\n"
    "\n"
    "async def f():\n"
    "    await mcp.call_tool('x', {})\n",
]
