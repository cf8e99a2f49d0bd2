"""SRV030: `MCPServer.call_tool()`, `read_resource()`, `get_prompt()` now accept a `context` parameter

Rule: engine/mcp_migrate/rules/srv030_internal_context_argument.py. Table format: engine/tests/tables/__init__.py.
"""

from . import case

MARK = (
    "# mcp-migrate: SRV030 `%s()` requires a `context` in v2: pass the handler's `Context`, or call the "
    "public `MCPServer` method, which builds one "
    "https://py.sdk.modelcontextprotocol.io/v2/migration/#mcpservercall_tool-read_resource-get_prompt-now-accept-a-context-parameter\n"
)

CASES = [
    # inside a handler with a Context: it is passed (and `arguments` where v2 made it required); a
    # result v2 widened to `... | InputRequiredResult` is narrowed the guide's way
    case(
        " from mcp.server.fastmcp import Context, FastMCP\n"
        "+from mcp.types import InputRequiredResult\n"
        " \n"
        " mcp = FastMCP('demo')\n"
        " \n"
        " @mcp.tool()\n"
        " async def both(x: int, ctx: Context) -> str:\n"
        "-    first = await mcp._tool_manager.call_tool('double', {'x': x})\n"
        "-    prompt = mcp._prompt_manager.get_prompt('p')\n"
        "-    text = await prompt.render()\n"
        "-    again = await mcp._prompt_manager.render_prompt('p', arguments={'a': 1})\n"
        "+    first = await mcp._tool_manager.call_tool('double', {'x': x}, context=ctx)\n"
        "+    prompt = mcp._prompt_manager.get_prompt('p')\n"
        "+    text = await prompt.render(arguments=None, context=ctx)\n"
        "+    assert not isinstance(text, InputRequiredResult)\n"
        "+    again = await mcp._prompt_manager.render_prompt('p', arguments={'a': 1}, context=ctx)\n"
        "+    assert not isinstance(again, InputRequiredResult)\n"
        "     return str((first, text, again))\n",
        findings=["SRV030:7 review", "SRV030:9 review", "SRV030:10 review"],
    ),
    # no Context at hand (a test): a `Context()` with no request, as the public methods build
    case(
        " from mcp.server.fastmcp import FastMCP\n"
        "+from mcp.server.mcpserver import Context\n"
        " \n"
        " async def test_double(mcp: FastMCP):\n"
        "-    assert await mcp._tool_manager.call_tool('double', {'x': 1}) == 2\n"
        "+    assert await mcp._tool_manager.call_tool('double', {'x': 1}, context=Context()) == 2\n"
        "     resource_manager = mcp._resource_manager\n"
        "-    await resource_manager.get_resource('file://x')\n"
        "-    await mcp._prompt_manager.render_prompt('p')\n"
        "+    await resource_manager.get_resource('file://x', context=Context())\n"
        "+    await mcp._prompt_manager.render_prompt('p', arguments=None, context=Context())\n",
        findings=["SRV030:4 review", "SRV030:6 review", "SRV030:7 review"],
    ),
    # a tool built with the classmethod `Tool.from_function(...)`
    case(
        " from mcp.server.fastmcp.tools import Tool\n"
        "+from mcp.server.mcpserver import Context\n"
        " \n"
        " async def test_scale(scale):\n"
        "     tool = Tool.from_function(scale, name='scale')\n"
        "-    assert await tool.run({'value': 1}) == 2\n"
        "+    assert await tool.run({'value': 1}, context=Context()) == 2\n",
        findings=["SRV030:5 review"],
    ),
    # a widened result used in place: marked
    case(
        " from mcp.server.fastmcp import FastMCP\n"
        " \n"
        " async def test_render(mcp: FastMCP):\n"
        "+    "
        + MARK % "PromptManager.render_prompt"
        + "     assert len(await mcp._prompt_manager.render_prompt('p', {})) == 1\n",
        findings=["SRV030:4 manual"],
    ),
    # `Context` is the user's own name: marked
    case(
        " from mcp.server.fastmcp import FastMCP\n"
        " from myapp import Context\n"
        " \n"
        " async def test_double(mcp: FastMCP):\n"
        "+    "
        + MARK % "ToolManager.call_tool"
        + "     assert await mcp._tool_manager.call_tool('double', {'x': 1}) == 2\n",
        findings=["SRV030:5 manual"],
    ),
    # overrides of the methods v2's handlers call with the context: they take it and hand it on
    case(
        " from mcp.server.fastmcp import Context, FastMCP\n"
        " \n"
        " class Audited(FastMCP):\n"
        "-    async def call_tool(self, name, arguments):\n"
        "+    async def call_tool(self, name, arguments, context: Context | None = None):\n"
        "         log(name)\n"
        "-        return await super().call_tool(name, arguments)\n"
        "+        return await super().call_tool(name, arguments, context=context)\n"
        " \n"
        "-    async def get_prompt(self, name, arguments=None):\n"
        "-        return await super().get_prompt(name, arguments)\n"
        "+    async def get_prompt(self, name, arguments=None, context: Context | None = None):\n"
        "+        return await super().get_prompt(name, arguments, context=context)\n"
        " \n"
        "-    async def read_resource(self, resource_uri):\n"
        "-        return await super().read_resource(resource_uri)\n"
        "+    async def read_resource(self, resource_uri, context: Context | None = None):\n"
        "+        return await super().read_resource(resource_uri, context=context)\n"
        " \n"
        " class Strict(FastMCP):\n"
        "+    # mcp-migrate: SRV030 MCPServer calls `call_tool()` with the request's context in v2: take "
        "`context: Context | None = None` after v1's parameters and pass it on "
        "https://py.sdk.modelcontextprotocol.io/v2/migration/#mcpservercall_tool-read_resource-get_prompt-now-accept-a-context-parameter\n"
        "     async def call_tool(self, name, *, arguments):\n"
        "         return await super().call_tool(name, arguments)\n",
        findings=["SRV030:4 safe", "SRV030:8 safe", "SRV030:11 safe", "SRV030:15 manual"],
    ),
]

NOOP = [
    # an override taking whatever it is given already
    "from mcp.server.fastmcp import FastMCP\n"
    "class Loose(FastMCP):\n"
    "    async def call_tool(self, *args, **kwargs):\n"
    "        return await super().call_tool(*args, **kwargs)\n",
    # the context is already there; the public MCPServer methods build one themselves
    "from mcp.server.fastmcp import Context, FastMCP\n"
    "\n"
    "mcp = FastMCP('demo')\n"
    "\n"
    "async def f(ctx: Context):\n"
    "    await mcp._tool_manager.call_tool('t', {}, ctx)\n"
    "    await mcp._tool_manager.call_tool('t', {}, context=ctx)\n"
    "    await mcp.call_tool('t', {})\n",
    # not the SDK's objects
    "class Manager:\n"
    "    async def call_tool(self, name, args):\n"
    "        pass\n"
    "\n"
    "async def f(m: Manager, template):\n"
    "    await m.call_tool('t', {})\n"
    "    await template.render()\n",
    "from fastmcp import FastMCP\n\nasync def f(mcp: FastMCP):\n    await mcp._tool_manager.call_tool('t', {})\n",
]
