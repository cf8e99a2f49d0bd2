"""SRV002: `FastMCP` renamed to `MCPServer`

Rule: engine/mcp_migrate/rules/srv002_context_fastmcp_property.py. Table format: engine/tests/tables/__init__.py.
"""

from . import case

CASES = [
    case(
        " from mcp.server.fastmcp import FastMCP, Context\n"
        " \n"
        " mcp = FastMCP('d')\n"
        " \n"
        " @mcp.tool()\n"
        " async def names(ctx: Context) -> str:\n"
        "-    server = ctx.fastmcp\n"
        "+    server = ctx.mcp_server\n"
        "     return server.name\n",
        findings=["SRV002:7 safe"],
    ),
    case(
        " from mcp.server.fastmcp import Context\n"
        " from mcp.server.session import ServerSession\n"
        " \n"
        " def helper(c: Context[ServerSession, None]):\n"
        "-    return c.fastmcp.settings.debug\n"
        "+    return c.mcp_server.settings.debug\n",
        findings=["SRV002:5 safe"],
    ),
    case(
        " import mcp.server.fastmcp as fm\n"
        " \n"
        " def f(ctx: 'fm.Context'):\n"
        "-    return ctx.fastmcp\n"
        "+    return ctx.mcp_server\n",
        findings=["SRV002:4 safe"],
    ),
    # the constructor keyword, also through a user subclass that keeps the SDK's constructor
    case(
        " from mcp.server.fastmcp import Context, FastMCP\n"
        " \n"
        " class AppContext(Context):\n"
        "     pass\n"
        " \n"
        " def make(rc, server: FastMCP):\n"
        "-    return Context(request_context=rc, fastmcp=server), AppContext(fastmcp=server)\n"
        "+    return Context(request_context=rc, mcp_server=server), AppContext(mcp_server=server)\n",
        findings=["SRV002:7 safe", "SRV002:7 safe"],
    ),
]

NOOP = [
    "from fastmcp import Context\n\ndef f(ctx: Context):\n    return ctx.fastmcp\n",
    "def f(ctx):\n    return ctx.fastmcp\n",
    "from mcp.server.fastmcp import Context\n\ndef f(ctx: Context):\n    return ctx.mcp_server  # ctx.fastmcp\n",
    "class Context:\n    fastmcp = 1\n\ndef f(ctx: Context):\n    return ctx.fastmcp\n",
    "from fastmcp import Context\n\nContext(fastmcp=server)\n",
    "from mcp.server.fastmcp import Context\n\nclass Own(Context):\n    def __init__(self, fastmcp):\n"
    "        super().__init__()\n\nOwn(fastmcp=1)\n",
]
