import ast

from .. import sdk
from ..context import PythonContext
from ..framework import rule

ANCHOR = "lowlevel-server-tool-handler-exceptions-no-longer-become-calltoolresultis_errortrue"
MESSAGE = (
    "v2 answers an exception from this tool handler with a JSON-RPC error, not "
    "`CallToolResult(is_error=True)`: catch it and return `CallToolResult(content=[TextContent("
    "type=\"text\", text=str(e))], is_error=True)` to keep the error visible to the model"
)


@rule(
    code="LOW003",
    title="Lowlevel `Server`: tool handler exceptions no longer become `CallToolResult(is_error=True)`",
    anchor=ANCHOR,
    fix_class="manual",
    summary="""
        Marks every lowlevel `@server.call_tool()` handler whose body is not already wrapped in a
        catch-all `try`/`except`: in v2 its exceptions reach the client as JSON-RPC errors instead
        of an `is_error=True` tool result.
    """,
    why="""
        Silent: nothing fails, but the calling model no longer sees the error text as a tool result
        (the SDK client raises instead) and the server logs a `handler for 'tools/call' raised` traceback.
    """,
    example="""
         from mcp.server.lowlevel import Server

         server = Server("my-server")


        +# mcp-migrate: LOW003 v2 answers an exception from this tool handler with a JSON-RPC error, not `CallToolResult(is_error=True)`: catch it and return `CallToolResult(content=[TextContent(type="text", text=str(e))], is_error=True)` to keep the error visible to the model https://py.sdk.modelcontextprotocol.io/v2/migration/#lowlevel-server-tool-handler-exceptions-no-longer-become-calltoolresultis_errortrue
         @server.call_tool()
         async def call_tool(name: str, arguments: dict):
             raise ValueError("kaboom")
    """,
    v1_names=[sdk.SERVER + ".call_tool"],
    v2_names=["mcp.types.CallToolResult", "mcp.types.TextContent"],
)
def check(ctx: PythonContext):
    found = ctx.decorated_by(sdk.SERVER, "call_tool")
    for fn in ctx.walk(ast.AsyncFunctionDef):  # fragments: `@server.call_tool()` with `server` never bound
        for dec in fn.decorator_list:
            f = dec.func if isinstance(dec, ast.Call) else dec
            if (
                isinstance(f, ast.Attribute)
                and f.attr == "call_tool"
                and ctx.is_unbound(f.value)
                and f.value.id == "server"
            ):
                found.append((fn, dec))
    for fn, dec in found:
        if not _catches_all(ctx, fn):
            ctx.manual(dec, MESSAGE)


def _catches_all(ctx, fn) -> bool:
    body = [s for s in fn.body if not (isinstance(s, ast.Expr) and isinstance(s.value, ast.Constant))]
    if len(body) != 1 or not isinstance(body[0], ast.Try):
        return False
    for h in body[0].handlers:
        if h.type is None or (
            isinstance(h.type, ast.Name) and h.type.id in ("Exception", "BaseException") and ctx.resolve(h.type) is None
        ):
            return True
    return False
