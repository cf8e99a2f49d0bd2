"""SRV032: `MCPServer.get_prompt()` and `read_resource()` may return `InputRequiredResult`

Rule: engine/mcp_migrate/rules/srv032_input_required_results.py. Table format: engine/tests/tables/__init__.py.
"""

from . import case

MARK = (
    "# mcp-migrate: SRV032 `%s()` may now return an `InputRequiredResult`: narrow it first (`assert not "
    "isinstance(result, InputRequiredResult)` when your functions never return one) "
    "https://py.sdk.modelcontextprotocol.io/v2/migration/#mcpserverget_prompt-and-read_resource-may-return-inputrequiredresult\n"
)

CASES = [
    case(
        " from mcp.server.fastmcp import FastMCP\n"
        "+from mcp.types import InputRequiredResult\n"
        " \n"
        " mcp = FastMCP('d')\n"
        " \n"
        " async def test_prompt():\n"
        "     result = await mcp.get_prompt('greet', {'name': 'a'})\n"
        "+    assert not isinstance(result, InputRequiredResult)\n"
        "     assert result.messages\n"
        "     try:\n"
        "         contents = await mcp.read_resource('notes://1')\n"
        "+        assert not isinstance(contents, InputRequiredResult)\n"
        "     except ValueError:\n"
        "         contents = []\n"
        "     await mcp.read_resource('notes://2')\n",
        findings=["SRV032:6 safe", "SRV032:9 safe"],
    ),
    # used in place: marked
    case(
        " from mcp.server.fastmcp import FastMCP\n"
        " \n"
        " async def dump(mcp: FastMCP):\n"
        "+    " + MARK % "read_resource" + "     return [c.content for c in await mcp.read_resource('notes://1')]\n",
        findings=["SRV032:4 manual"],
    ),
]

NOOP = [
    # a client session's methods, and the separate `fastmcp` package's server
    "from mcp import ClientSession\n\nasync def f(s: ClientSession):\n    r = await s.read_resource('x://y')\n",
    "from fastmcp import FastMCP\n\nmcp = FastMCP('d')\n\nasync def f():\n    r = await mcp.get_prompt('p')\n",
]
