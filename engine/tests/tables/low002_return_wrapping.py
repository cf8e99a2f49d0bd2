"""LOW002: Lowlevel `Server`: automatic return value wrapping removed

Rule: engine/mcp_migrate/rules/low002_return_wrapping.py. Table format: engine/tests/tables/__init__.py.
For a handler LOW001 converts, LOW002's finding carries that whole conversion (only LOW002 runs here,
so the rows show all of it); the shorthand itself is in LOW001's table and lowlevel_returns.py.
"""

from . import case

CASES = [
    # the SDK imported lazily in the function that builds the server (an optional dependency): v1's
    # normalization is defined there, after that import, not at module level where the SDK is not imported
    case(
        '+import json\n'
        ' class Bridge:\n'
        '     def build(self):\n'
        '         from mcp import types\n'
        '         from mcp.server.lowlevel import Server\n'
        '+        from mcp.server import ServerRequestContext\n'
        ' \n'
        '-        server = Server("x")\n'
        '+        def call_tool_result(value):\n'
        '+            """v1\'s lowlevel `call_tool()` turned what a handler returned into a `CallToolResult`; v2 takes the\n'
        '+            result itself (https://py.sdk.modelcontextprotocol.io/v2/migration/#lowlevel-server-automatic-return-value-wrapping-removed)."""\n'
        '+            if isinstance(value, types.CallToolResult):\n'
        '+                return value\n'
        '+            if isinstance(value, tuple) and len(value) == 2:\n'
        '+                content, structured = value\n'
        '+            elif isinstance(value, dict):\n'
        '+                content, structured = [types.TextContent(type="text", text=json.dumps(value, indent=2))], value\n'
        '+            else:\n'
        '+                content, structured = value, None\n'
        '+            return types.CallToolResult(content=list(content), structured_content=structured)\n'
        ' \n'
        '-        @server.call_tool()\n'
        '-        async def call_tool(name: str, arguments: dict):\n'
        '+        async def call_tool(ctx: ServerRequestContext, params: types.CallToolRequestParams):\n'
        '+            name, arguments = params.name, params.arguments or {}\n'
        '-            return self.run(name, arguments)\n'
        '+            return call_tool_result(self.run(name, arguments))\n'
        '+\n'
        '+        server = Server("x", on_call_tool=call_tool)\n'
        ' \n'
        '         return server\n',
        findings=["LOW002:10 safe"],
    ),
    # a converted handler: the wrap is part of the whole conversion (LOW001's edits, reported here too)
    case(
        ' from mcp.server import Server\n'
        ' import mcp.types as types\n'
        '+from mcp.server import ServerRequestContext\n'
        ' \n'
        "-server = Server('s')\n"
        '+async def handle(ctx: ServerRequestContext, params: types.PaginatedRequestParams | None) -> types.ListToolsResult:\n'
        '+    if flag:\n'
        '+        return types.ListToolsResult(tools=[])\n'
        '+    return types.ListToolsResult(tools=[types.Tool(name=n, inputSchema={}) for n in names])\n'
        ' \n'
        '+\n'
        "+server = Server('s', on_list_tools=handle)\n"
        '-@server.list_tools()\n'
        '-async def handle() -> list[types.Tool]:\n'
        '-    if flag:\n'
        '-        return []\n'
        '-    return [types.Tool(name=n, inputSchema={}) for n in names]\n',
        findings=["LOW002:9 safe"],
    ),
    # tool content from a call, by the handler's annotation: `list(...)` (v1 did `list(content)`)
    case(
        ' from collections.abc import Sequence\n'
        ' \n'
        ' from mcp.server import Server\n'
        ' from mcp.types import TextContent\n'
        '+from mcp.server import ServerRequestContext\n'
        '+from mcp.types import CallToolRequestParams, CallToolResult\n'
        ' \n'
        "-server = Server('s')\n"
        '+async def call(ctx: ServerRequestContext, params: CallToolRequestParams) -> CallToolResult:\n'
        '+    name, arguments = params.name, params.arguments or {}\n'
        '+    return CallToolResult(content=list(await run(name, arguments)))\n'
        ' \n'
        '+\n'
        "+server = Server('s', on_call_tool=call)\n"
        '-@server.call_tool(validate_input=False)\n'
        '-async def call(name, arguments) -> Sequence[TextContent]:\n'
        '-    return await run(name, arguments)\n',
        findings=["LOW002:10 safe"],
    ),
    # a handler LOW001 leaves to a person: a returned list is still wrapped (v1 accepts the result too)
    case(
        ' from mcp.server import Server\n'
        ' import mcp.types as types\n'
        ' \n'
        " server = Server('s')\n"
        ' \n'
        ' @server.list_prompts()\n'
        ' @cached\n'
        ' async def prompts():\n'
        '     if flag:\n'
        '         return types.ListPromptsResult(prompts=[])\n'
        '-    return [types.Prompt(name="p")]\n'
        '+    return types.ListPromptsResult(prompts=[types.Prompt(name="p")])\n',
        findings=["LOW002:11 review"],
    ),
    # the same, with a dict: a marker with the v2 shape
    case(
        ' from mcp.server import Server\n'
        ' \n'
        " server = Server('s')\n"
        ' \n'
        ' @server.call_tool()\n'
        ' @traced\n'
        ' async def call(name, arguments) -> dict:\n'
        '+    # mcp-migrate: LOW002 return `CallToolResult(content=[...], structured_content=...)`: v2 no longer wraps a list, dict (`content=[TextContent(type="text", text=json.dumps(data, indent=2))], structured_content=data`) or tuple https://py.sdk.modelcontextprotocol.io/v2/migration/#lowlevel-server-automatic-return-value-wrapping-removed\n'
        "     return {'t': 22.5}\n",
        findings=["LOW002:8 manual"],
    ),
    # a list and a dict under one annotation: the list is wrapped, the annotation admits the result too
    case(
        ' from mcp.server import Server\n'
        ' import mcp.types as types\n'
        ' \n'
        " server = Server('s')\n"
        ' \n'
        ' @server.call_tool()\n'
        ' @traced\n'
        '-async def call(name, arguments) -> dict | list[types.TextContent]:\n'
        '+async def call(name, arguments) -> dict | list[types.TextContent] | types.CallToolResult:\n'
        '     if name == "a":\n'
        '+        # mcp-migrate: LOW002 return `CallToolResult(content=[...], structured_content=...)`: v2 no longer wraps a list, dict (`content=[TextContent(type="text", text=json.dumps(data, indent=2))], structured_content=data`) or tuple https://py.sdk.modelcontextprotocol.io/v2/migration/#lowlevel-server-automatic-return-value-wrapping-removed\n'
        "         return {'t': 22.5}\n"
        '-    return [types.TextContent(type="text", text="x")]\n'
        '+    return types.CallToolResult(content=[types.TextContent(type="text", text="x")])\n',
        findings=["LOW002:10 manual", "LOW002:11 review"],
    ),
    # the same under a string annotation: not widened, every return by hand
    case(
        ' from mcp.server import Server\n'
        ' import mcp.types as types\n'
        ' \n'
        " server = Server('s')\n"
        ' \n'
        ' @server.call_tool()\n'
        ' @traced\n'
        ' async def call(name, arguments) -> "dict | list[types.TextContent]":\n'
        '     if name == "a":\n'
        '+        # mcp-migrate: LOW002 return `CallToolResult(content=[...], structured_content=...)`: v2 no longer wraps a list, dict (`content=[TextContent(type="text", text=json.dumps(data, indent=2))], structured_content=data`) or tuple https://py.sdk.modelcontextprotocol.io/v2/migration/#lowlevel-server-automatic-return-value-wrapping-removed\n'
        "         return {'t': 22.5}\n"
        '+    # mcp-migrate: LOW002 return `CallToolResult(content=[...], structured_content=...)`: v2 no longer wraps a list, dict (`content=[TextContent(type="text", text=json.dumps(data, indent=2))], structured_content=data`) or tuple https://py.sdk.modelcontextprotocol.io/v2/migration/#lowlevel-server-automatic-return-value-wrapping-removed\n'
        '     return [types.TextContent(type="text", text="x")]\n',
        findings=["LOW002:10 manual", "LOW002:11 manual"],
    ),
    # an unconverted `read_resource` returning text
    case(
        ' from mcp.server import Server\n'
        ' \n'
        " server = Server('s')\n"
        ' \n'
        ' @server.read_resource()\n'
        ' @traced\n'
        ' async def read(uri):\n'
        '+    # mcp-migrate: LOW002 return `ReadResourceResult(contents=[TextResourceContents(uri=..., text=..., mime_type=...)])` (binary: `BlobResourceContents` with a base64 `blob=`): v2 no longer wraps `ReadResourceContents`, `str` or `bytes` https://py.sdk.modelcontextprotocol.io/v2/migration/#lowlevel-server-automatic-return-value-wrapping-removed\n'
        "     return 'file contents'\n",
        findings=["LOW002:8 manual"],
    ),
    # an unconverted `set_logging_level`
    case(
        ' from mcp.server import Server\n'
        ' \n'
        " server = Server('s')\n"
        ' \n'
        '+# mcp-migrate: LOW002 return `EmptyResult()` from this handler: v2 no longer fills it in https://py.sdk.modelcontextprotocol.io/v2/migration/#lowlevel-server-automatic-return-value-wrapping-removed\n'
        ' @server.set_logging_level()\n'
        ' @traced\n'
        ' async def level(level):\n'
        '     LOG.setLevel(level)\n',
        findings=["LOW002:5 manual"],
    ),
    # a handler its own tests call: they expect the list v1's handler returned, so it is not wrapped
    case(
        ' from mcp.server import Server\n'
        " server = Server('s')\n"
        ' \n'
        ' @server.list_resources()\n'
        ' async def resources():\n'
        '+    # mcp-migrate: LOW002 return `ListResourcesResult(resources=[...])`: v2 no longer wraps a bare list https://py.sdk.modelcontextprotocol.io/v2/migration/#lowlevel-server-automatic-return-value-wrapping-removed\n'
        '     return []\n'
        ' \n'
        ' async def test():\n'
        '     assert await resources() == []\n',
        findings=["LOW002:6 manual"],
    ),
]

NOOP = [
    "from mcp.server import Server\n"
    "import mcp.types as types\n"
    "\n"
    "server = Server('s')\n"
    "\n"
    "@server.list_tools()\n"
    "@cached\n"
    "async def handle():\n"
    "    return types.ListToolsResult(tools=[])\n",
    "from mcp.server import Server\n"
    "import mcp.types as types\n"
    "\n"
    "server = Server('s')\n"
    "\n"
    "@server.get_prompt()\n"
    "async def p(name, arguments):\n"
    "    return types.GetPromptResult(messages=[])\n",
    "class Server:\n    pass\n\nserver = Server()\n\n@server.list_tools()\nasync def t():\n    return []\n",
    "from mcp.server import Server\n"
    "from mcp.types import ListToolsResult\n"
    "\n"
    "async def t(ctx, params):\n"
    "    return ListToolsResult(tools=[])\n"
    "\n"
    "server = Server('s', on_list_tools=t)\n",
]
