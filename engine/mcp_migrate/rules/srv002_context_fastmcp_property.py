from ..context import PythonContext
from ..framework import rule


@rule(
    code="SRV002",
    title="`FastMCP` renamed to `MCPServer`",
    anchor="fastmcp-renamed-to-mcpserver",
    fix_class="safe",
    summary="""
        Renames the handler `Context`'s `fastmcp` property to `mcp_server` (`ctx.fastmcp` ->
        `ctx.mcp_server`) where `ctx` is an SDK `Context` (an annotated `ctx: Context` parameter).
    """,
    why="""
        v2 renamed the property with the class; `ctx.fastmcp` raises
        `AttributeError: 'Context' object has no attribute 'fastmcp'`.
    """,
    before="""
        @mcp.tool()
        async def names(ctx: Context) -> str:
            return ctx.fastmcp.name
    """,
    after="""
        @mcp.tool()
        async def names(ctx: Context) -> str:
            return ctx.mcp_server.name
    """,
    v1_names=["mcp.server.fastmcp.server.Context.fastmcp"],
    v2_names=["mcp.server.mcpserver.context.Context.mcp_server"],
)
def check(ctx: PythonContext):
    for node in ctx.context_attrs("fastmcp"):
        span = ctx.attr_span(node)
        if span:
            ctx.fix(node, "`Context.fastmcp` is now `Context.mcp_server`", [ctx.replace(span, "mcp_server")])
        else:
            ctx.manual(node, "rename `ctx.fastmcp` to `ctx.mcp_server`")


CASES = [
    (
        "from mcp.server.fastmcp import FastMCP, Context\n\nmcp = FastMCP('d')\n\n"
        "@mcp.tool()\nasync def names(ctx: Context) -> str:\n    server = ctx.fastmcp\n    return server.name\n",
        "from mcp.server.fastmcp import FastMCP, Context\n\nmcp = FastMCP('d')\n\n"
        "@mcp.tool()\nasync def names(ctx: Context) -> str:\n    server = ctx.mcp_server\n    return server.name\n",
    ),
    (
        "from mcp.server.fastmcp import Context\nfrom mcp.server.session import ServerSession\n\n"
        "def helper(c: Context[ServerSession, None]):\n    return c.fastmcp.settings.debug\n",
        "from mcp.server.fastmcp import Context\nfrom mcp.server.session import ServerSession\n\n"
        "def helper(c: Context[ServerSession, None]):\n    return c.mcp_server.settings.debug\n",
    ),
    (
        "import mcp.server.fastmcp as fm\n\ndef f(ctx: 'fm.Context'):\n    return ctx.fastmcp\n",
        "import mcp.server.fastmcp as fm\n\ndef f(ctx: 'fm.Context'):\n    return ctx.mcp_server\n",
    ),
]

NOOP = [
    "from fastmcp import Context\n\ndef f(ctx: Context):\n    return ctx.fastmcp\n",
    "def f(ctx):\n    return ctx.fastmcp\n",
    "from mcp.server.fastmcp import Context\n\ndef f(ctx: Context):\n    return ctx.mcp_server  # ctx.fastmcp\n",
    "class Context:\n    fastmcp = 1\n\ndef f(ctx: Context):\n    return ctx.fastmcp\n",
]
