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
    # used in place, evaluated before anything else in its statement: bound to a new name first
    case(
        " from mcp.server.fastmcp import FastMCP\n"
        "+from mcp.types import InputRequiredResult\n"
        " \n"
        " async def dump(mcp: FastMCP, contents):\n"
        "-    for c in await mcp.read_resource('notes://1'):\n"
        "+    resource_contents = await mcp.read_resource('notes://1')\n"
        "+    assert not isinstance(resource_contents, InputRequiredResult)\n"
        "+    for c in resource_contents:\n"
        "         print(c.content)\n"
        "-    data = list(await mcp.read_resource(\n"
        "+    resource_contents = await mcp.read_resource(\n"
        "         'notes://2',\n"
        "-    ))\n"
        "-    msgs = (await mcp.get_prompt('p', {'a': '1'})).messages\n"
        "-    return [c.content for c in await mcp.read_resource('notes://3')] + data + msgs\n"
        "+    )\n"
        "+    assert not isinstance(resource_contents, InputRequiredResult)\n"
        "+    data = list(resource_contents)\n"
        "+    result = await mcp.get_prompt('p', {'a': '1'})\n"
        "+    assert not isinstance(result, InputRequiredResult)\n"
        "+    msgs = result.messages\n"
        "+    resource_contents = await mcp.read_resource('notes://3')\n"
        "+    assert not isinstance(resource_contents, InputRequiredResult)\n"
        "+    return [c.content for c in resource_contents] + data + msgs\n",
        findings=["SRV032:4 safe", "SRV032:6 safe", "SRV032:9 safe", "SRV032:10 safe"],
    ),
    # something else in the statement runs first, or the statement shares its line: marked
    case(
        " from mcp.server.fastmcp import FastMCP\n"
        " \n"
        " async def dump(mcp: FastMCP, seen):\n"
        "+    " + MARK % "read_resource" + "     seen = seen + list(await mcp.read_resource('notes://1'))\n"
        "+    " + MARK % "read_resource" + "     if seen: return [c for c in await mcp.read_resource('notes://2')]\n"
        "+    " + MARK % "get_prompt" + "     while (await mcp.get_prompt('p')).messages:\n"
        "         pass\n",
        findings=["SRV032:4 manual", "SRV032:5 manual", "SRV032:6 manual"],
    ),
]

NOOP = [
    # an override handing v2's result straight back to v2's handler
    "from mcp.server.fastmcp import FastMCP\n"
    "class A(FastMCP):\n"
    "    async def read_resource(self, uri, context=None):\n"
    "        return await super().read_resource(uri, context=context)\n",
    # a client session's methods, and the separate `fastmcp` package's server
    "from mcp import ClientSession\n\nasync def f(s: ClientSession):\n    r = await s.read_resource('x://y')\n",
    "from fastmcp import FastMCP\n\nmcp = FastMCP('d')\n\nasync def f():\n    r = await mcp.get_prompt('p')\n",
]
