"""LOW011: `RequestContext` type parameters simplified

Rule: engine/mcp_migrate/rules/low011_request_context_types.py. Table format: engine/tests/tables/__init__.py.
"""

from . import case

CASES = [
    case(
        " from mcp.server.fastmcp import Context\n"
        " from mcp.server.session import ServerSession\n"
        " \n"
        "-async def my_tool(ctx: Context[ServerSession, None]) -> str:\n"
        "+async def my_tool(ctx: Context[None]) -> str:\n"
        "     return ''\n",
        findings=["LOW011:4 safe"],
    ),
    case(
        " from mcp.client.session import ClientSession\n"
        "+# mcp-migrate: LOW011 `mcp.shared.context.RequestContext` is gone: import `ServerRequestContext` from `mcp.server.context` (server) or `ClientRequestContext` from `mcp.client.context` (client) https://py.sdk.modelcontextprotocol.io/v2/migration/#requestcontext-type-parameters-simplified\n"
        " from mcp.shared.context import RequestContext\n"
        " \n"
        "+# mcp-migrate: LOW011 use `ClientRequestContext` (from `mcp.client.context`, no type parameters) instead of `RequestContext[ClientSession, ...]` https://py.sdk.modelcontextprotocol.io/v2/migration/#requestcontext-type-parameters-simplified\n"
        " async def cb(ctx: RequestContext[ClientSession, None], params): ...\n",
        findings=["LOW011:2 manual", "LOW011:4 manual"],
    ),
    case(
        "+# mcp-migrate: LOW011 `Context[ServerSession, LifespanT]` is `Context[LifespanT]` in v2 (bare `Context` is usually enough) https://py.sdk.modelcontextprotocol.io/v2/migration/#requestcontext-type-parameters-simplified\n"
        " async def my_tool(ctx: Context[ServerSession, None]) -> str: ...\n",
        findings=["LOW011:1 manual"],
    ),
]

NOOP = [
    "from mcp.server.mcpserver import Context\n"
    "\n"
    "async def t(ctx: Context[None]): ...\n",
    "from fastmcp import Context\n"
    "from mcp.server.session import ServerSession\n"
    "\n"
    "async def t(ctx: Context[ServerSession, None]): ...\n",
    "class RequestContext:\n"
    "    pass\n"
    "\n"
    "x: RequestContext = RequestContext()\n",
]
