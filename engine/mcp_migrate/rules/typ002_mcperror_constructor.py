import ast

from .. import sdk
from ..context import PythonContext
from ..framework import rule

ERR = sdk.MCP_ERROR
ERROR_DATA = sdk.ERROR_DATA
ORDER = ("code", "message", "data")


@rule(
    code="TYP002",
    title="`McpError` renamed to `MCPError`",
    anchor="mcperror-renamed-to-mcperror",
    fix_class="safe",
    summary="""
        Rewrites `McpError(ErrorData(code=..., message=..., data=...))` to
        `McpError(code, message, data)` (TYP001 renames the class), and `McpError(error_data)`
        with any other argument to `McpError.from_error_data(error_data)`.
    """,
    why="""
        v2's `MCPError.__init__` takes `code`, `message`, `data`; passing an `ErrorData` makes the
        whole object the code.
    """,
    example="""
         from mcp.shared.exceptions import McpError
         from mcp.types import INVALID_REQUEST, ErrorData


         def check_city(city: str) -> None:
             if not city:
        -        raise McpError(ErrorData(code=INVALID_REQUEST, message="bad input"))
        +        raise McpError(INVALID_REQUEST, "bad input")
    """,
    v1_names=[ERR, ERROR_DATA],
    v2_names=["mcp.shared.exceptions.MCPError.from_error_data", "mcp.types.ErrorData"],
)
def check(ctx: PythonContext):
    for call in ctx.calls(ERR):
        if call.keywords or len(call.args) != 1 or isinstance(call.args[0], ast.Starred):
            if call.keywords and not call.args and [k.arg for k in call.keywords] == ["error"]:
                ctx.manual(call, "`McpError(error=...)` is `MCPError.from_error_data(...)` in v2")
            continue
        arg = call.args[0]
        if isinstance(arg, ast.Call) and ctx.is_ref(arg.func, ERROR_DATA):
            parts = _error_data_args(ctx, arg)
            if parts is None:
                ctx.manual(call, "pass `code, message, data` to `MCPError(...)` instead of an `ErrorData`")
            else:
                ctx.fix(arg, "`MCPError` takes `code, message, data` directly",
                        [ctx.replace(arg, ", ".join(parts))])
            continue
        _, end = ctx.span(call.func)
        ctx.fix(call, "`MCPError(...)` no longer wraps an `ErrorData`; use `MCPError.from_error_data(...)`",
                [ctx.insert(end, ".from_error_data")])


def _error_data_args(ctx, call):
    """Source of ErrorData's arguments in (code, message, data) order, or None."""
    if any(isinstance(a, ast.Starred) for a in call.args) or any(k.arg is None for k in call.keywords):
        return None
    values = dict(zip(ORDER, call.args))
    for k in call.keywords:
        if k.arg not in ORDER or k.arg in values:
            return None
        values[k.arg] = k.value
    if "code" not in values or "message" not in values:
        return None
    parts = [ctx.source(values["code"]), ctx.source(values["message"])]
    if "data" in values:
        parts.append(ctx.source(values["data"]))
    if any("\n" in p for p in parts):
        return None
    return parts
