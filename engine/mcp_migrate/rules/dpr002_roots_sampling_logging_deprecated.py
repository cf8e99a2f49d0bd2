from .. import sdk
from ..context import PythonContext
from ..framework import rule

CLIENT_SESSION = sdk.CLIENT_SESSION
SERVER_SESSION = sdk.SERVER_SESSION
CONTEXT = sdk.FASTMCP_CONTEXT
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
    example="""
        from mcp.server.fastmcp import Context, FastMCP

        mcp = FastMCP("Demo")


        @mcp.tool()
        async def work(ctx: Context) -> str:
            await ctx.info("working")
            return "done"
    """,
    v1_names=[SERVER_SESSION + "." + m for m in SESSION_METHODS]
    + [CLIENT_SESSION + "." + m for m in CLIENT_METHODS]
    + [CONTEXT + "." + m for m in CONTEXT_METHODS]
    + [sdk.SERVER + ".set_logging_level"],
    v2_names=[],
)
def check(ctx: PythonContext):
    for call in ctx.server_session_calls(*SESSION_METHODS):
        ctx.advise_deprecated(call, "`%s()`" % call.func.attr, "SEP-2577")
    for call in ctx.method_calls(CLIENT_SESSION, *CLIENT_METHODS):
        ctx.advise_deprecated(call, "`%s()`" % call.func.attr, "SEP-2577")
    for call in ctx.context_calls(*CONTEXT_METHODS, in_fragments=True):
        ctx.advise_deprecated(call, "`Context.%s()`" % call.func.attr, "SEP-2577")
    for _fn, dec in ctx.decorated_by(sdk.SERVER, "set_logging_level"):
        ctx.advise_deprecated(dec, "A logging-level handler (`on_set_logging_level` in v2)", "SEP-2577")
