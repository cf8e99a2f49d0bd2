"""LOW002: Lowlevel `Server`: automatic return value wrapping removed

Rule: engine/mcp_migrate/rules/low002_return_wrapping.py. Table format: engine/tests/tables/__init__.py.
"""

from . import case

# The rows below that start with SERVER run on this module (unchanged lines of the diff).
SERVER = (
    " from mcp.server import Server\n"
    " import mcp.types as types\n"
    " \n"
    " server = Server('s')\n"
    " \n"
)

CASES = [
    case(
        SERVER
        + " @server.list_tools()\n"
        "-async def handle() -> list[types.Tool]:\n"
        "+async def handle() -> types.ListToolsResult:\n"
        "     if flag:\n"
        "-        return []\n"
        "-    return [types.Tool(name=n, inputSchema={}) for n in names]\n"
        "+        return types.ListToolsResult(tools=[])\n"
        "+    return types.ListToolsResult(tools=[types.Tool(name=n, inputSchema={}) for n in names])\n",
        findings=["LOW002:9 review"],
    ),
    # no types alias: the result type is imported
    case(
        " from mcp.server import Server\n"
        " from mcp.types import TextContent\n"
        "+from mcp.server import ServerRequestContext\n"
        "+from mcp.types import CallToolRequestParams, CallToolResult\n"
        " \n"
        " server = Server('s')\n"
        " \n"
        " @server.call_tool()\n"
        " async def call(name, arguments):\n"
        "     def inner():\n"
        "         return 1\n"
        "-    return [TextContent(type='text', text='ok')]\n"
        "+    return CallToolResult(content=[TextContent(type='text', text='ok')])\n",
        findings=["LOW002:10 review"],
    ),
    # a dict return: a marker with the v2 shape
    case(
        SERVER
        + " @server.call_tool()\n"
        " async def call(name, arguments) -> dict:\n"
        '+    # mcp-migrate: LOW002 return `CallToolResult(content=[...], structured_content=...)`: v2 no longer wraps a list, dict (`content=[TextContent(type="text", text=json.dumps(data, indent=2))], structured_content=data`) or tuple https://py.sdk.modelcontextprotocol.io/v2/migration/#lowlevel-server-automatic-return-value-wrapping-removed\n'
        "     return {'t': 22.5}\n",
        findings=["LOW002:8 manual"],
    ),
    case(
        SERVER
        + " @server.read_resource()\n"
        " async def read(uri):\n"
        "+    # mcp-migrate: LOW002 return `ReadResourceResult(contents=[TextResourceContents(uri=..., text=..., mime_type=...)])` (binary: `BlobResourceContents` with a base64 `blob=`): v2 no longer wraps `ReadResourceContents`, `str` or `bytes` https://py.sdk.modelcontextprotocol.io/v2/migration/#lowlevel-server-automatic-return-value-wrapping-removed\n"
        "     return 'file contents'\n",
        findings=["LOW002:8 manual"],
    ),
    case(
        SERVER
        + "+# mcp-migrate: LOW002 return `EmptyResult()` from this handler: v2 no longer fills it in https://py.sdk.modelcontextprotocol.io/v2/migration/#lowlevel-server-automatic-return-value-wrapping-removed\n"
        " @server.set_logging_level()\n"
        " async def level(level):\n"
        "     LOG.setLevel(level)\n",
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
    "class Server:\n"
    "    pass\n"
    "\n"
    "server = Server()\n"
    "\n"
    "@server.list_tools()\n"
    "async def t():\n"
    "    return []\n",
    "from mcp.server import Server\n"
    "from mcp.types import ListToolsResult\n"
    "\n"
    "async def t(ctx, params):\n"
    "    return ListToolsResult(tools=[])\n"
    "\n"
    "server = Server('s', on_list_tools=t)\n",
]
