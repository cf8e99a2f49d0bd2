"""SRV019: Registering lowlevel handlers from `MCPServer`

Rule: engine/mcp_migrate/rules/srv019_lowlevel_handlers_from_mcpserver.py. Table format: engine/tests/tables/__init__.py.
"""

from . import case

CASES = [
    # the guide's example: both v1 spellings become `mcp._lowlevel_server.add_request_handler(...)` with `(ctx, params)` handlers
    case(
        ' from mcp.server.fastmcp import FastMCP\n'
        '+from mcp.server import ServerRequestContext\n'
        '+from mcp.types import EmptyResult, SetLevelRequestParams, SubscribeRequestParams\n'
        '+from typing import Any\n'
        ' \n'
        ' mcp = FastMCP("demo")\n'
        ' \n'
        ' \n'
        '-@mcp._mcp_server.set_logging_level()  # pyright: ignore[reportPrivateUsage]\n'
        '-async def handle_set_logging_level(level: str) -> None:\n'
        '+async def handle_set_logging_level(ctx: ServerRequestContext[Any], params: SetLevelRequestParams) -> EmptyResult:\n'
        '+    level = params.level\n'
        '     print(level)\n'
        '+    return EmptyResult()\n'
        ' \n'
        ' \n'
        '+mcp._lowlevel_server.add_request_handler("logging/setLevel", SetLevelRequestParams, handle_set_logging_level)  # pyright: ignore[reportPrivateUsage]\n'
        '-async def handle_subscribe(uri) -> None:\n'
        '-    subscriptions.add(str(uri))\n'
        ' \n'
        ' \n'
        '-mcp._mcp_server.subscribe_resource()(handle_subscribe)  # pyright: ignore[reportPrivateUsage]\n'
        '+async def handle_subscribe(ctx: ServerRequestContext[Any], params: SubscribeRequestParams) -> EmptyResult:\n'
        '+    uri = params.uri\n'
        '+    subscriptions.add(str(uri))\n'
        '+    return EmptyResult()\n'
        '+\n'
        '+\n'
        '+mcp._lowlevel_server.add_request_handler("resources/subscribe", SubscribeRequestParams, handle_subscribe)  # pyright: ignore[reportPrivateUsage]\n',
        findings=["SRV019:15 safe", "SRV019:6 safe"],
    ),
    # other uses of the private attribute: renamed
    case(
        ' from mcp.server.fastmcp import FastMCP\n'
        ' \n'
        " server = FastMCP('d')\n"
        '-opts = server._mcp_server.create_initialization_options()\n'
        '+opts = server._lowlevel_server.create_initialization_options()\n',
        findings=["SRV019:4 safe"],
    ),
    # a handler the engine leaves to a person, and a call form registering something that is not a def here
    case(
        ' from mcp.server.fastmcp import FastMCP\n'
        ' \n'
        " mcp = FastMCP('d')\n"
        ' \n'
        ' \n'
        '+# mcp-migrate: SRV019 the lowlevel `set_logging_level()` decorator is gone: register a `(ctx, params: SetLevelRequestParams)` handler with `mcp._lowlevel_server.add_request_handler("logging/setLevel", SetLevelRequestParams, handler)` (another decorator is stacked on the handler: check what it expects before converting) https://py.sdk.modelcontextprotocol.io/v2/migration/#registering-lowlevel-handlers-from-mcpserver\n'
        ' @mcp._mcp_server.set_logging_level()\n'
        ' @logged\n'
        ' async def handle_set_logging_level(level: str) -> None:\n'
        '     ...\n'
        ' \n'
        '+# mcp-migrate: SRV019 the lowlevel `subscribe_resource()` decorator is gone: register a `(ctx, params: SubscribeRequestParams)` handler with `mcp._lowlevel_server.add_request_handler("resources/subscribe", SubscribeRequestParams, handler)` https://py.sdk.modelcontextprotocol.io/v2/migration/#registering-lowlevel-handlers-from-mcpserver\n'
        ' mcp._mcp_server.subscribe_resource()(make_handler())\n',
        findings=["SRV019:11 manual", "SRV019:6 manual"],
    ),
    # a guide fragment: `mcp` is never defined
    case(
        '+# mcp-migrate: SRV019 the lowlevel `set_logging_level()` decorator is gone: register a `(ctx, params: SetLevelRequestParams)` handler with `mcp._lowlevel_server.add_request_handler("logging/setLevel", SetLevelRequestParams, handler)` https://py.sdk.modelcontextprotocol.io/v2/migration/#registering-lowlevel-handlers-from-mcpserver\n'
        ' @mcp._mcp_server.set_logging_level()\n'
        ' async def h(level: str) -> None:\n'
        '     ...\n',
        findings=["SRV019:1 manual"],
    ),
]

NOOP = [
    "from fastmcp import FastMCP\nmcp = FastMCP('d')\nmcp._mcp_server.set_logging_level()\n",
    "from mcp.server.mcpserver import MCPServer\n"
    "mcp = MCPServer('d')\n"
    "mcp._lowlevel_server.add_request_handler('x', P, h)\n",
    "class S:\n    _mcp_server = None\n\nS()._mcp_server\n",
]
