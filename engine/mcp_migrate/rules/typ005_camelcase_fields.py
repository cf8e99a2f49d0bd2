import ast

from .. import sdk
from ..context import PythonContext
from ..framework import rule

# camelCase names that almost only MCP objects carry: worth a review finding even when the file
# does not show where the object came from, as long as the file uses the SDK.
DISTINCTIVE = {
    "inputSchema", "outputSchema", "isError", "nextCursor", "mimeType", "structuredContent",
    "serverInfo", "protocolVersion", "uriTemplate", "listChanged", "progressToken",
    "resourceTemplates", "readOnlyHint", "destructiveHint", "idempotentHint", "openWorldHint",
    "clientInfo", "modelPreferences", "systemPrompt", "includeContext", "stopSequences",
    "requestedSchema", "toolUseId", "websiteUrl",
}


@rule(
    code="TYP005",
    title="Field names changed from camelCase to snake_case",
    anchor="field-names-changed-from-camelcase-to-snake_case",
    fix_class="safe",
    summary="""
        Renames camelCase field access on MCP protocol objects (`result.isError`,
        `tools.nextCursor`, `tool.inputSchema`) and camelCase keyword arguments of `mcp.types`
        constructors (`Tool(inputSchema=...)`) to snake_case. Safe when the file shows the object
        is an MCP type (constructor, annotation, a `ClientSession` call result, a loop over one);
        a review fix when the receiver's origin is not visible.
    """,
    why="""
        v2 models use snake_case attributes; `result.isError` raises
        `AttributeError: 'CallToolResult' object has no attribute 'isError'`. camelCase
        constructor keywords are still accepted at run time but are not parameters a type
        checker knows.
    """,
    example="""
         from mcp import ClientSession
         from mcp.types import Tool


         async def run(session: ClientSession) -> Tool:
             result = await session.call_tool("my_tool", {"x": 1})
        -    if result.isError:
        +    if result.is_error:
                 print(result.content)
        -    return Tool(name="t", inputSchema={"type": "object"})
        +    return Tool(name="t", input_schema={"type": "object"})
    """,
    v1_names=["mcp.types.Tool", "mcp.types.CallToolResult", "mcp.types.ListToolsResult",
              "mcp.client.session.ClientSession.call_tool", "mcp.client.session.ClientSession.list_tools"],
    v2_names=["mcp.types.Tool", "mcp.types.CallToolResult", "mcp.types.ListToolsResult"],
)
def check(ctx: PythonContext):
    uses_sdk = None
    for node in ctx.walk(ast.Attribute):
        new = sdk.CAMEL_TO_SNAKE.get(node.attr)
        if new is None:
            continue
        _, level = ctx.protocol_value(node.value)
        if level is None:
            if node.attr not in DISTINCTIVE:
                continue
            if uses_sdk is None:
                uses_sdk = ctx.imports_from("mcp") or _snippet_session_call(ctx)
            if not uses_sdk or not _plain_receiver(node.value):
                continue
            level = "review"
        span = ctx.attr_span(node)
        msg = "MCP type fields are snake_case in v2: `.%s` is now `.%s`" % (node.attr, new)
        if span is None:
            ctx.manual(node, msg)
            continue
        ctx.fix(node, msg, [ctx.replace(span, new)], fix_class=level)
    for call in ctx.walk(ast.Call):
        cls = ctx.protocol_type(ctx.resolve(call.func))
        if cls is None:
            continue
        for kw in call.keywords:
            new = sdk.CAMEL_TO_SNAKE.get(kw.arg or "")
            if new is None or kw.arg not in sdk.TYPE_FIELDS[cls]:
                continue
            span = ctx.name_span(kw)
            msg = "`%s(%s=...)` is `%s=` in v2" % (cls, kw.arg, new)
            if span is None:
                ctx.manual(kw, msg)
            else:
                ctx.fix(kw, msg, [ctx.replace(span, new)])


def _plain_receiver(expr):
    """Names, attribute chains and subscripts: not calls of other libraries' methods."""
    while isinstance(expr, (ast.Attribute, ast.Subscript)):
        expr = expr.value
    return isinstance(expr, ast.Name)


def _snippet_session_call(ctx):
    """A snippet without imports that awaits a `ClientSession` method, like the guide's examples."""
    if ctx.imports():
        return False
    return any(isinstance(a.value, ast.Call) and isinstance(a.value.func, ast.Attribute)
               and a.value.func.attr in sdk.SESSION_RETURNS for a in ctx.walk(ast.Await))
