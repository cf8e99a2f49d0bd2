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
    fix_class="manual",
    summary="""
        Marks `raise McpError(...)` inside `@mcp.tool()` functions: v2 sends it as a JSON-RPC error rather
        than a `CallToolResult(isError=True)`.
    """,
    why="""
        Silent on the server: v1 turned the exception into an error result the model could read; v2 rejects
        the request with the error's code and data, so clients now get an exception from `call_tool()`.
    """,
    example="""
         from mcp.server.fastmcp import FastMCP
         from mcp.shared.exceptions import McpError
         from mcp.types import INVALID_PARAMS, ErrorData

         mcp = FastMCP("Booking")


         @mcp.tool()
         async def book(date: str) -> str:
        +    # mcp-migrate: SRV011 raising `McpError` in a tool now returns a JSON-RPC error (the client's `call_tool()` raises) instead of an `isError` result; raise `ToolError` (or another exception) if the model should see the failure https://py.sdk.modelcontextprotocol.io/v2/migration/#mcperror-raised-from-an-mcptool-handler-now-surfaces-as-a-json-rpc-error
             raise McpError(ErrorData(code=INVALID_PARAMS, message="date in the past"))
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
    scopes = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)
    for node in raises:
        owner = ctx.parent(node)
        while owner is not None and not isinstance(owner, scopes):
            owner = ctx.parent(owner)
        if owner is not None and id(owner) in tools:  # directly in the tool, not a nested def
            ctx.manual(node, MESSAGE)
