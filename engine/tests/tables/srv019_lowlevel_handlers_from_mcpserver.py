"""SRV019: Registering lowlevel handlers from `MCPServer`

Rule: engine/mcp_migrate/rules/srv019_lowlevel_handlers_from_mcpserver.py. Table format: engine/tests/tables/__init__.py.
"""

from . import case

CASES = [
    case(
        " from mcp.server.fastmcp import FastMCP\n"
        " \n"
        " mcp = FastMCP('d')\n"
        " \n"
        " \n"
        '+# mcp-migrate: SRV019 the lowlevel `set_logging_level()` decorator is gone: register a `(ctx, params: SetLevelRequestParams)` handler with `mcp._lowlevel_server.add_request_handler("logging/setLevel", SetLevelRequestParams, handler)` https://py.sdk.modelcontextprotocol.io/v2/migration/#registering-lowlevel-handlers-from-mcpserver\n'
        " @mcp._mcp_server.set_logging_level()  # pyright: ignore[reportPrivateUsage]\n"
        " async def handle_set_logging_level(level: str) -> None:\n"
        "     ...\n"
        " \n"
        '+# mcp-migrate: SRV019 the lowlevel `subscribe_resource()` decorator is gone: register a `(ctx, params: SubscribeRequestParams)` handler with `mcp._lowlevel_server.add_request_handler("resources/subscribe", SubscribeRequestParams, handler)` https://py.sdk.modelcontextprotocol.io/v2/migration/#registering-lowlevel-handlers-from-mcpserver\n'
        " mcp._mcp_server.subscribe_resource()(handle_subscribe)\n",
        findings=["SRV019:6 manual", "SRV019:10 manual"],
    ),
    case(
        " from mcp.server.fastmcp import FastMCP\n"
        " \n"
        " server = FastMCP('d')\n"
        "-opts = server._mcp_server.create_initialization_options()\n"
        "+opts = server._lowlevel_server.create_initialization_options()\n",
        findings=["SRV019:4 safe"],
    ),
    # a guide fragment: `mcp` is never defined
    case(
        '+# mcp-migrate: SRV019 the lowlevel `set_logging_level()` decorator is gone: register a `(ctx, params: SetLevelRequestParams)` handler with `mcp._lowlevel_server.add_request_handler("logging/setLevel", SetLevelRequestParams, handler)` https://py.sdk.modelcontextprotocol.io/v2/migration/#registering-lowlevel-handlers-from-mcpserver\n'
        " @mcp._mcp_server.set_logging_level()\n"
        " async def h(level: str) -> None:\n"
        "     ...\n",
        findings=["SRV019:1 manual"],
    ),
]

NOOP = [
    "from fastmcp import FastMCP\n"
    "mcp = FastMCP('d')\n"
    "mcp._mcp_server.set_logging_level()\n",
    "from mcp.server.mcpserver import MCPServer\n"
    "mcp = MCPServer('d')\n"
    "mcp._lowlevel_server.add_request_handler('x', P, h)\n",
    "class S:\n"
    "    _mcp_server = None\n"
    "\n"
    "S()._mcp_server\n",
]
