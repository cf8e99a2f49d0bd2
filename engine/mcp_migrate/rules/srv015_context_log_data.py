import ast

from .. import sdk
from ..context import PythonContext
from ..framework import rule

LEVELS = ("debug", "info", "warning", "error")


@rule(
    code="SRV015",
    title="`MCPServer`'s `Context` logging: `message` renamed to `data`, `extra` removed",
    anchor="mcpservers-context-logging-message-renamed-to-data-extra-removed",
    fix_class="safe",
    summary="""
        On the handler `Context`, renames `message=` to `data=` in `log()`, `debug()`, `info()`,
        `warning()` and `error()`. An `extra={...}` dict literal is folded into a `data` dict (review);
        other extra keywords are marked.
    """,
    why="""
        v2 renamed the parameter: `ctx.log(level="info", message="hello")` raises
        `TypeError: Context.log() got an unexpected keyword argument 'message'`. `extra=` never worked
        (it raised `TypeError` in v1 too).
    """,
    example="""
         from mcp.server.fastmcp import Context, FastMCP

         mcp = FastMCP("Demo")


         @mcp.tool()
         async def connect(ctx: Context) -> str:
        -    await ctx.log(level="info", message="hello")
        +    await ctx.log(level="info", data="hello")
        +    # mcp-migrate: SRV015 `extra=` was removed; its fields join the `data` dict (suggested fix: run with --apply-review) https://py.sdk.modelcontextprotocol.io/v2/migration/#mcpservers-context-logging-message-renamed-to-data-extra-removed
             await ctx.info("Connection failed", extra={"host": "localhost"})
             return "ok"
    """,
    v1_names=[sdk.FASTMCP_CONTEXT + "." + m + "(message)" for m in ("log",) + LEVELS]
    + [sdk.FASTMCP_CONTEXT + ".info(extra)"],
    v2_names=["mcp.server.mcpserver.context.Context.%s(data)" % m for m in ("log",) + LEVELS],
)
def check(ctx: PythonContext):
    for call in ctx.context_calls("log", *LEVELS, via_get_context=True):
        method = call.func.attr
        kw = ctx.keyword(call, "message")
        extra = [k for k in call.keywords if k.arg not in ("message", "data", "logger_name", "level")]
        if method != "log" and extra:
            _fold_extra(ctx, call, kw, extra)
            continue
        if kw is not None:
            edit = ctx.rename_kwarg(call, "message", "data")
            if edit:
                ctx.fix(kw, "`message=` is now `data=`", [edit])
            else:
                ctx.manual(call, "rename `message=` to `data=`")


def _fold_extra(ctx, call, kw, extra):
    manual = "`extra` keywords were removed (they raised `TypeError` in v1 too): pass one `data` dict instead"
    payload = kw.value if kw is not None else (call.args[0] if call.args else None)
    dict_kw = extra[0] if len(extra) == 1 and extra[0].arg == "extra" else None
    if payload is None or dict_kw is None or not isinstance(dict_kw.value, ast.Dict) or len(call.args) > 1:
        ctx.manual(call, manual)
        return
    d = dict_kw.value
    if any(isinstance(k, ast.Constant) and k.value == "message" for k in d.keys):
        ctx.manual(call, manual)
        return
    inner = ctx.source(d)[1:-1].strip().rstrip(",").strip()
    merged = '{"message": %s%s}' % (ctx.source(payload), ", " + inner if inner else "")
    removal = ctx.remove_args(call, [dict_kw])
    if not removal:
        ctx.manual(call, manual)
        return
    edits = [ctx.replace(payload, merged)] + removal
    if kw is not None:
        edits.append(ctx.rename_kwarg(call, "message", "data"))
    if None in edits:
        ctx.manual(call, manual)
        return
    ctx.fix(call, "`extra=` was removed; its fields join the `data` dict", edits, fix_class="review")
