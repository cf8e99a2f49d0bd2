import ast

from .. import sdk
from ..context import PythonContext
from ..framework import rule

MCP_ERROR = sdk.MCP_ERROR
URL_ERROR = sdk.URL_ELICITATION_ERROR
MESSAGE = (
    "raising `McpError` in a tool now returns a JSON-RPC error (the client's `call_tool()` raises) "
    "instead of an `isError` result; raise `ToolError` (or another exception) if the model should see "
    "the failure"
)


@rule(
    code="SRV011",
    title="`MCPError` raised from an `@mcp.tool()` handler now surfaces as a JSON-RPC error",
    anchor="mcperror-raised-from-an-mcptool-handler-now-surfaces-as-a-json-rpc-error",
    fix_class="safe",
    summary="""
        `raise McpError(ErrorData(code=..., message=m))` (or `McpError(error)`) directly in an
        `@mcp.tool()` function, outside the body of any `try` (an `except` clause is fine), becomes
        `raise ToolError(m)`, which v2 still turns into the `CallToolResult(isError=True)` v1 sent,
        with the same text (`Error executing tool <name>: m`): v1's behaviour, kept. Keep `MCPError`
        where the request itself should fail as a protocol error. The same in a function of the file
        that only tools call (outside their `try` bodies). Other `raise McpError` in a tool (in a `try`
        body, whose handlers could catch it): a marker.
    """,
    why="""
        Silent on the server: v1 turned the exception into an error result the model could read; v2 rejects
        the request with the error's code and data, so clients now get an exception from `call_tool()`.
    """,
    example="""
         from mcp.server.fastmcp import FastMCP
         from mcp.shared.exceptions import McpError
         from mcp.types import INVALID_PARAMS, ErrorData
        +from mcp.server.mcpserver.exceptions import ToolError

         mcp = FastMCP("Booking")


         @mcp.tool()
         async def book(date: str) -> str:
        -    raise McpError(ErrorData(code=INVALID_PARAMS, message="date in the past"))
        +    raise ToolError("date in the past")
    """,
    v1_names=[MCP_ERROR, URL_ERROR],
    v2_names=["mcp.shared.exceptions.MCPError", "mcp.server.mcpserver.exceptions.ToolError"],
)
def check(ctx: PythonContext):
    if not ctx.references(MCP_ERROR):  # indexed: files that never name McpError skip the walk
        return
    raises = []
    for node in ctx.walk(ast.Raise):
        if node.exc is not None:
            exc = node.exc.func if isinstance(node.exc, ast.Call) else node.exc
            if isinstance(exc, (ast.Name, ast.Attribute)) and ctx.is_ref(exc, MCP_ERROR):
                raises.append(node)
    if not raises:
        return
    tools = {id(fn) for fn, _, _ in ctx.fastmcp_handlers("tool")}
    for node in raises:
        owner = ctx.enclosing(node)
        if owner is None:
            continue
        helper = id(owner) not in tools and _tools_only_helper(ctx, owner, tools)
        if id(owner) in tools or helper:  # directly in the tool (not a nested def), or a helper only tools call
            edits = _as_tool_error(ctx, node, owner)
            where = " (in `%s`, which only tools call)" % owner.name if helper else ""
            if edits:
                ctx.fix(
                    node,
                    "%s%s; the fix raises `ToolError` with the same message, which v2 turns into the `isError` "
                    "result v1 sent (keep `MCPError` if the request itself should fail)"
                    % (MESSAGE.split(";")[0], where),
                    edits,
                )
            else:
                ctx.manual(node, MESSAGE + where)


def _tools_only_helper(ctx, fn, tools) -> bool:
    """`fn` is a plain function of this file that only tools call, by name and outside the body of a
    `try` of the tool (whose handlers could catch `McpError`), and no other module imports: what it
    raised reached v1's tool wrapper as if the tool had raised it."""
    if not isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)) or fn.decorator_list:
        return False
    if isinstance(ctx.parent(fn), ast.ClassDef) or ctx.imported_elsewhere(fn.name):
        return False
    uses = ctx.names_with_id(fn.name)
    if not uses:
        return False
    for use in uses:
        call = ctx.parent(use)
        tool = ctx.enclosing(use)
        if not (isinstance(call, ast.Call) and call.func is use and tool is not None and id(tool) in tools):
            return False
        if ctx.in_try_body(call, tool):
            return False
    return True


def _as_tool_error(ctx, node, tool):
    """`raise McpError(ErrorData(code=c, message=m))` -> `raise ToolError(m)`, `McpError(error)` ->
    `ToolError(error.message)`: v1's tool wrapper gave the model `str(exc)`, the message, as v2's does
    for `ToolError`. None in the body of a `try` of the tool (a handler there may catch `McpError`) or
    for another shape."""
    call = node.exc
    if not (isinstance(call, ast.Call) and len(call.args) == 1 and not call.keywords):
        return None
    if ctx.in_try_body(node, tool):
        return None
    arg = call.args[0]
    if isinstance(arg, ast.Name):
        message = "%s.message" % arg.id
    elif isinstance(arg, ast.Call) and ctx.is_ref(arg.func, sdk.ERROR_DATA) and not arg.args:
        value = ctx.keyword_value(arg, "message")
        if value is None or any(k.arg is None for k in arg.keywords):
            return None
        message = ctx.source(value)
    else:
        return None
    imports = ctx.imports_for({"ToolError": ("mcp.server.mcpserver.exceptions", "mcp.server.fastmcp.exceptions")})
    if imports is None:
        return None
    return [ctx.replace(call, "ToolError(%s)" % message)] + imports
