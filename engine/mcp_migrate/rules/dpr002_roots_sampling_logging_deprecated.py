import ast

from ..framework import rule
from ._aut_util import (LOWLEVEL_SERVER, context_calls, deprecated_use, method_label, session_calls)

CLIENT_SESSION = "mcp.client.session.ClientSession"
SERVER_SESSION = "mcp.server.session.ServerSession"
CONTEXT = "mcp.server.fastmcp.server.Context"
SESSION_METHODS = ("create_message", "list_roots", "send_log_message")
CLIENT_METHODS = ("send_roots_list_changed", "set_logging_level")
CONTEXT_METHODS = ("log", "debug", "info", "warning", "error")


@rule(
    code="DPR002",
    title="Roots, Sampling, and Logging methods deprecated (SEP-2577)",
    anchor="roots-sampling-and-logging-methods-deprecated-sep-2577",
    fix_class="review",
    summary="""
        Reports (no edit, no marker) calls of the SEP-2577-deprecated methods: `ServerSession.create_message()`,
        `list_roots()`, `send_log_message()` (also via `ctx.session`), `ClientSession.send_roots_list_changed()`,
        `set_logging_level()`, the MCPServer `Context` logging helpers, and a lowlevel
        `@server.set_logging_level()` handler.
    """,
    why="""
        Each emits `mcp.MCPDeprecationWarning` in v2 (a `UserWarning`, visible by default, and an exception
        under pytest's `filterwarnings = ["error"]`: inside a tool it turns into
        `CallToolResult(is_error=True)`). No migration is required during the deprecation window.
    """,
    before="""
        await ctx.info("working")
    """,
    after="""
        await ctx.info("working")
    """,
    v1_names=[SERVER_SESSION + "." + m for m in SESSION_METHODS]
    + [CLIENT_SESSION + "." + m for m in CLIENT_METHODS]
    + [CONTEXT + "." + m for m in CONTEXT_METHODS]
    + ["mcp.server.lowlevel.server.Server.set_logging_level"],
    v2_names=[],
)
def check(ctx):
    for call in session_calls(ctx, SESSION_METHODS):
        deprecated_use(ctx, call, method_label(call), "SEP-2577")
    for call in ctx.method_calls(CLIENT_SESSION, *CLIENT_METHODS):
        deprecated_use(ctx, call, method_label(call), "SEP-2577")
    for call in context_calls(ctx, CONTEXT_METHODS):
        deprecated_use(ctx, call, "`Context.%s()`" % call.func.attr, "SEP-2577")
    for fn, dec in ctx.decorated_by(LOWLEVEL_SERVER, "set_logging_level"):
        deprecated_use(ctx, dec, "A logging-level handler (`on_set_logging_level` in v2)", "SEP-2577")


CASES = [
    (
        "from mcp.server.fastmcp import Context, FastMCP\n"
        "\n"
        "mcp = FastMCP('demo')\n"
        "\n"
        "@mcp.tool()\n"
        "async def work(ctx: Context) -> str:\n"
        "    await ctx.info('starting')\n"
        "    roots = await ctx.session.list_roots()\n"
        "    return str(roots)\n",
        "from mcp.server.fastmcp import Context, FastMCP\n"
        "\n"
        "mcp = FastMCP('demo')\n"
        "\n"
        "@mcp.tool()\n"
        "async def work(ctx: Context) -> str:\n"
        "    await ctx.info('starting')\n"
        "    roots = await ctx.session.list_roots()\n"
        "    return str(roots)\n",
    ),
]

NOOP = [
    "import logging\nlog = logging.getLogger(__name__)\nlog.info('x')\n",
    "from fastmcp import Context\nasync def f(ctx: Context):\n    await ctx.info('x')\n",
    "from mcp.server.fastmcp import Context\nasync def f(ctx: Context):\n    await ctx.report_progress(1, 2)\n",
]
