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
    before="""
        result = await session.call_tool("my_tool", {"x": 1})
        if result.isError:
            ...
        tool = Tool(name="t", inputSchema={"type": "object"})
    """,
    after="""
        result = await session.call_tool("my_tool", {"x": 1})
        if result.is_error:
            ...
        tool = Tool(name="t", input_schema={"type": "object"})
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


CASES = [
    (
        "from mcp import ClientSession\n\n"
        "async def run(session: ClientSession):\n"
        "    result = await session.call_tool('t', {})\n"
        "    if result.isError:\n"
        "        return None\n"
        "    tools = await session.list_tools()\n"
        "    cursor = tools.nextCursor\n"
        "    schema = tools.tools[0].inputSchema\n"
        "    for tool in tools.tools:\n"
        "        print(tool.outputSchema, tool.annotations.readOnlyHint)\n",
        "from mcp import ClientSession\n\n"
        "async def run(session: ClientSession):\n"
        "    result = await session.call_tool('t', {})\n"
        "    if result.is_error:\n"
        "        return None\n"
        "    tools = await session.list_tools()\n"
        "    cursor = tools.next_cursor\n"
        "    schema = tools.tools[0].input_schema\n"
        "    for tool in tools.tools:\n"
        "        print(tool.output_schema, tool.annotations.read_only_hint)\n",
    ),
    (
        "from mcp import types\n\n"
        "tool = types.Tool(\n    name='t',\n    inputSchema={'type': 'object'},\n)\nprint(tool.inputSchema)\n",
        "from mcp import types\n\n"
        "tool = types.Tool(\n    name='t',\n    input_schema={'type': 'object'},\n)\nprint(tool.input_schema)\n",
    ),
    (
        "from mcp.types import TextResourceContents\n\n"
        "def show(c: TextResourceContents) -> str:\n    return c.mimeType or ''\n",
        "from mcp.types import TextResourceContents\n\n"
        "def show(c: TextResourceContents) -> str:\n    return c.mime_type or ''\n",
    ),
    (  # receiver from elsewhere in a file that uses the SDK: review
        "import mcp.types as types\n\ndef schema_of(tool):\n    return tool.inputSchema\n",
        "import mcp.types as types\n\ndef schema_of(tool):\n    return tool.input_schema\n",
    ),
    (  # session from an exit stack
        "from contextlib import AsyncExitStack\nfrom mcp import ClientSession\n\n"
        "async def f(stack: AsyncExitStack, r, w):\n"
        "    session = await stack.enter_async_context(ClientSession(r, w))\n"
        "    init = await session.initialize()\n"
        "    return init.serverInfo.name, init.protocolVersion\n",
        "from contextlib import AsyncExitStack\nfrom mcp import ClientSession\n\n"
        "async def f(stack: AsyncExitStack, r, w):\n"
        "    session = await stack.enter_async_context(ClientSession(r, w))\n"
        "    init = await session.initialize()\n"
        "    return init.server_info.name, init.protocol_version\n",
    ),
    (  # the guide's snippet has no imports at all
        "result = await session.call_tool('my_tool', {'x': 1})\nif result.isError:\n    pass\n",
        "result = await session.call_tool('my_tool', {'x': 1})\nif result.is_error:\n    pass\n",
    ),
]

NOOP = [
    "from fastmcp import Client\n\nasync def f(c: Client):\n    r = await c.call_tool('t', {})\n    print(r.isError)\n",
    "class Tool:\n    inputSchema = {}\n\nprint(Tool().inputSchema)\n",
    "import json\n\ndef f(event):\n    return event.mimeType\n",
    "from mcp.types import Tool\n\nt = Tool(name='t', input_schema={})\nprint(t.input_schema)\n",
    "from mcp import types\n\ndef f(data):\n    return data['inputSchema']  # tool.inputSchema\n",
    "from mcp import types\n\nx = 'tool.inputSchema'\n",
    "from mcp import types\n\ndef f(resp):\n    return resp.json().nextCursor\n",
]
