"""LOW001: Lowlevel `Server`: decorator-based handlers replaced with constructor `on_*` params

Rule: engine/mcp_migrate/rules/low001_handler_decorators.py. Table format: engine/tests/tables/__init__.py.
"""

from . import case

CASES = [
    # the guide's example (returns are LOW002's job)
    case(
        " from mcp.server.lowlevel.server import Server\n"
        " import mcp.types as types\n"
        "+from mcp.server import ServerRequestContext\n"
        " \n"
        '-server = Server("my-server")\n'
        "-\n"
        "-@server.list_tools()\n"
        "-async def handle_list_tools():\n"
        "+async def handle_list_tools(ctx: ServerRequestContext, params: types.PaginatedRequestParams | None):\n"
        '     return [types.Tool(name="my_tool", description="A tool", inputSchema={})]\n'
        " \n"
        "-@server.call_tool()\n"
        "-async def handle_call_tool(name: str, arguments: dict):\n"
        "+async def handle_call_tool(ctx: ServerRequestContext, params: types.CallToolRequestParams):\n"
        "+    name, arguments = params.name, params.arguments or {}\n"
        '     return [types.TextContent(type="text", text=f"Called {name}")]\n'
        "+\n"
        "+\n"
        '+server = Server("my-server", on_list_tools=handle_list_tools, on_call_tool=handle_call_tool)\n',
        findings=["LOW001:4 review", "LOW001:7 review", "LOW001:11 review"],
    ),
    # positional version, docstring, lifespan, code after the handlers, no types alias
    case(
        " from mcp.server import Server\n"
        "+from mcp.server import ServerRequestContext\n"
        "+from mcp.types import GetPromptRequestParams\n"
        "+\n"
        "+\n"
        "+async def get_prompt(ctx: ServerRequestContext, params: GetPromptRequestParams):\n"
        '+    """Docs."""\n'
        "+    name, arguments = params.name, params.arguments\n"
        "+    return make(name, arguments)\n"
        "+\n"
        " \n"
        " server = Server(\n"
        '     "s",\n'
        '-    "1.0",\n'
        "-    lifespan=lifespan,\n"
        '+    version="1.0",\n'
        "+    lifespan=lifespan, on_get_prompt=get_prompt,\n"
        " )\n"
        "-\n"
        "-\n"
        "-@server.get_prompt()\n"
        "-async def get_prompt(name, arguments):\n"
        '-    """Docs."""\n'
        "-    return make(name, arguments)\n"
        " \n"
        " \n"
        " async def main():\n"
        "     await server.run(r, w, server.create_initialization_options())\n",
        findings=["LOW001:3 review", "LOW001:11 review"],
    ),
    # the request-object signature is registered but left to a person
    case(
        " from mcp.server import Server\n"
        "-server = Server('s')\n"
        " \n"
        "-@server.list_tools()\n"
        "+# mcp-migrate: LOW001 rewrite the handler's signature; v2 handlers take `(ctx: ServerRequestContext, params: PaginatedRequestParams | None) -> ListToolsResult` (the handler takes the v1 request object; read `params` instead) https://py.sdk.modelcontextprotocol.io/v2/migration/#lowlevel-server-decorator-based-handlers-replaced-with-constructor-on_-params\n"
        " async def tools(request):\n"
        "     return []\n"
        "+\n"
        "+\n"
        "+server = Server('s', on_list_tools=tools)\n",
        findings=["LOW001:2 review", "LOW001:4 manual"],
    ),
    # server built in a class: a marker with the destination
    case(
        " from mcp.server.lowlevel import Server\n"
        " \n"
        " class App:\n"
        "     def __init__(self):\n"
        "         self.server = Server('s')\n"
        " \n"
        "+        # mcp-migrate: LOW001 remove the decorator and pass `on_read_resource=read` to `Server(...)`; v2 handlers take `(ctx: ServerRequestContext, params: ReadResourceRequestParams) -> ReadResourceResult` (the `Server(...)` construction cannot be moved below the handlers automatically) https://py.sdk.modelcontextprotocol.io/v2/migration/#lowlevel-server-decorator-based-handlers-replaced-with-constructor-on_-params\n"
        "         @self.server.read_resource()\n"
        "         async def read(uri):\n"
        "             return 'x'\n",
        findings=["LOW001:7 manual"],
    ),
    # the call form
    case(
        " from mcp.server import Server\n"
        " server = Server('s')\n"
        "+# mcp-migrate: LOW001 `Server.subscribe_resource()` is gone: pass the handler as `on_subscribe_resource=` to `Server(...)`, signature `(ctx: ServerRequestContext, params: SubscribeRequestParams) -> EmptyResult` https://py.sdk.modelcontextprotocol.io/v2/migration/#lowlevel-server-decorator-based-handlers-replaced-with-constructor-on_-params\n"
        " server.subscribe_resource()(handle_sub)\n",
        findings=["LOW001:3 manual"],
    ),
    # the server is used between the handlers at import time: no move
    case(
        " from mcp.server import Server\n"
        " server = Server('s')\n"
        " app = wrap(server)\n"
        " \n"
        "+# mcp-migrate: LOW001 remove the decorator and pass `on_progress=prog` to `Server(...)`; v2 handlers take `(ctx: ServerRequestContext, params: ProgressNotificationParams) -> None` (the `Server(...)` construction cannot be moved below the handlers automatically) https://py.sdk.modelcontextprotocol.io/v2/migration/#lowlevel-server-decorator-based-handlers-replaced-with-constructor-on_-params\n"
        " @server.progress_notification()\n"
        " async def prog(token, progress, total, message):\n"
        "     pass\n",
        findings=["LOW001:5 manual"],
    ),
]

NOOP = [
    "class Server:\n"
    "    def list_tools(self):\n"
    "        return lambda f: f\n"
    "\n"
    "server = Server()\n"
    "\n"
    "@server.list_tools()\n"
    "async def t():\n"
    "    return []\n",
    "from fastmcp import FastMCP\n"
    "mcp = FastMCP('x')\n"
    "\n"
    "@mcp.tool()\n"
    "async def t():\n"
    "    return 1\n",
    "from mcp.server import Server\n"
    "\n"
    "async def t(ctx, params):\n"
    "    return None\n"
    "\n"
    "server = Server('s', on_list_tools=t)\n",
    "s = '@server.list_tools()'  # @server.call_tool()\n",
]
