"""LOW001: Lowlevel `Server`: decorator-based handlers replaced with constructor `on_*` params

Rule: engine/mcp_migrate/rules/low001_handler_decorators.py. Table format: engine/tests/tables/__init__.py.
Only LOW001 runs here, yet its findings carry the whole conversion (returns wrapped, `ctx` for
`server.request_context`): LOW002 and LOW010 report parts of the same edits, which apply together.
"""

from . import case

# v1's read_resource() normalization, as the conversion defines it in a file that needs it
READ_RESOURCE_RESULT = (
    "+def read_resource_result(uri: str, value) -> ReadResourceResult:\n"
    "+    \"\"\"v1's lowlevel `read_resource()` turned what a handler returned (`str`, `bytes` or `ReadResourceContents`\n"
    "+    items) into a `ReadResourceResult`; v2 takes the result itself\n"
    "+    (https://py.sdk.modelcontextprotocol.io/v2/migration/#lowlevel-server-automatic-return-value-wrapping-removed).\"\"\"\n"
    "+    if isinstance(value, (str, bytes)):\n"
    "+        items = [(value, None, None)]\n"
    "+    else:\n"
    "+        items = [(c.content, c.mime_type, getattr(c, \"meta\", None)) for c in value]\n"
    "+    contents: list[TextResourceContents | BlobResourceContents] = []\n"
    "+    for data, mime_type, meta in items:\n"
    "+        if isinstance(data, bytes):\n"
    "+            blob = base64.b64encode(data).decode()\n"
    "+            contents.append(BlobResourceContents(uri=uri, blob=blob, mime_type=mime_type or \"application/octet-stream\", _meta=meta))\n"
    "+        else:\n"
    "+            contents.append(TextResourceContents(uri=uri, text=data, mime_type=mime_type or \"text/plain\", _meta=meta))\n"
    "+    return ReadResourceResult(contents=contents)\n"
)

# a class registering its method `list_tools`, which stays v1's (rows add what keeps it)
KEPT_METHOD = (
    " import mcp.types as types\n"
    " from mcp.server.lowlevel import Server\n"
    " \n"
    " class Catalog:\n"
    "     def __init__(self) -> None:\n"
    "         self.server = Server('catalog')\n"
    '+        # mcp-migrate: LOW001 replace this registration with `self.server.add_request_handler("tools/list", PaginatedRequestParams, self.list_tools)`; v2 handlers take `(ctx: ServerRequestContext, params: PaginatedRequestParams | None) -> ListToolsResult` (the method is also called, referenced or overridden elsewhere, and its signature changes) https://py.sdk.modelcontextprotocol.io/v2/migration/#lowlevel-server-decorator-based-handlers-replaced-with-constructor-on_-params\n'
    "         self.server.list_tools()(self.list_tools)\n"
    " \n"
    "     async def list_tools(self) -> list[types.Tool]:\n"
    "         return []\n"
    " \n"
)

CASES = [
    # the guide's example: decorators -> `on_*=`, `Server(...)` moved below, returns wrapped; `call_tool` is review and says what v1 validated
    case(
        ' from mcp.server.lowlevel.server import Server\n'
        ' import mcp.types as types\n'
        '+from mcp.server import ServerRequestContext\n'
        ' \n'
        '-server = Server("my-server")\n'
        '+async def handle_list_tools(ctx: ServerRequestContext, params: types.PaginatedRequestParams | None):\n'
        '+    return types.ListToolsResult(tools=[types.Tool(name="my_tool", description="A tool", inputSchema={})])\n'
        ' \n'
        '-@server.list_tools()\n'
        '-async def handle_list_tools():\n'
        '-    return [types.Tool(name="my_tool", description="A tool", inputSchema={})]\n'
        "+# mcp-migrate: LOW001 v1's `call_tool()` checked `arguments` against the tool's `inputSchema` (and structured output against `outputSchema`) before calling this handler; v2 does not, so validate here if you relied on it https://py.sdk.modelcontextprotocol.io/v2/migration/#lowlevel-server-decorator-based-handlers-replaced-with-constructor-on_-params\n"
        '+async def handle_call_tool(ctx: ServerRequestContext, params: types.CallToolRequestParams):\n'
        '+    name = params.name\n'
        '+    return types.CallToolResult(content=[types.TextContent(type="text", text=f"Called {name}")])\n'
        ' \n'
        '+\n'
        '+server = Server("my-server", on_list_tools=handle_list_tools, on_call_tool=handle_call_tool)\n'
        '-@server.call_tool()\n'
        '-async def handle_call_tool(name: str, arguments: dict):\n'
        '-    return [types.TextContent(type="text", text=f"Called {name}")]\n',
        findings=["LOW001:10 safe", "LOW001:11 manual", "LOW001:6 safe"],
    ),
    # no `call_tool`: safe; positional version, docstring, a lifespan (`ServerRequestContext[Any]`), code after the handlers
    case(
        ' from mcp.server import Server\n'
        '+from mcp.server import ServerRequestContext\n'
        '+from mcp.types import GetPromptRequestParams\n'
        '+from typing import Any\n'
        '+\n'
        '+\n'
        '+async def get_prompt(ctx: ServerRequestContext[Any], params: GetPromptRequestParams):\n'
        '+    """Docs."""\n'
        '+    name, arguments = params.name, params.arguments\n'
        '+    return make(name, arguments)\n'
        '+\n'
        ' \n'
        ' server = Server(\n'
        '     "s",\n'
        '-    "1.0",\n'
        '-    lifespan=lifespan,\n'
        '+    version="1.0",\n'
        '+    lifespan=lifespan, on_get_prompt=get_prompt,\n'
        ' )\n'
        '-\n'
        '-\n'
        '-@server.get_prompt()\n'
        '-async def get_prompt(name, arguments):\n'
        '-    """Docs."""\n'
        '-    return make(name, arguments)\n'
        ' \n'
        ' \n'
        ' async def main():\n'
        '     await server.run(r, w, server.create_initialization_options())\n',
        findings=["LOW001:10 safe"],
    ),
    # the v1 request object of a list handler: `request.params` is `params`
    case(
        ' from mcp.server import Server\n'
        ' import mcp.types as types\n'
        "-server = Server('s')\n"
        '+from mcp.server import ServerRequestContext\n'
        ' \n'
        '+async def tools(ctx: ServerRequestContext, params: types.PaginatedRequestParams | None) -> types.ListToolsResult:\n'
        '-@server.list_tools()\n'
        '-async def tools(request: types.ListToolsRequest) -> types.ListToolsResult:\n'
        '-    return await fetch(request.params.cursor if request.params else None)\n'
        '+    return await fetch(params.cursor if params else None)\n'
        '+\n'
        '+\n'
        "+server = Server('s', on_list_tools=tools)\n",
        findings=["LOW001:5 safe"],
    ),
    # ... also through `getattr(request, "params", None)` (into a `params` of its own) and behind a
    # `request is not None` (or bare `request`) guard (v1 called it with None to refresh its tool cache)
    case(
        ' from mcp.server import Server\n'
        ' import mcp.types as types\n'
        "-server = Server('s')\n"
        '+from mcp.server import ServerRequestContext\n'
        ' \n'
        '+async def tools(ctx: ServerRequestContext, params: types.PaginatedRequestParams | None) -> types.ListToolsResult:\n'
        '+    return await fetch(params.cursor if params is not None and params else None)\n'
        '-@server.list_tools()\n'
        '-async def tools(request: types.ListToolsRequest) -> types.ListToolsResult:\n'
        '-    return await fetch(request.params.cursor if request is not None and request.params else None)\n'
        ' \n'
        '-@server.list_prompts()\n'
        '-async def prompts(request: types.ListPromptsRequest) -> types.ListPromptsResult:\n'
        '-    params = getattr(request, "params", None)\n'
        '+async def prompts(ctx: ServerRequestContext, params: types.PaginatedRequestParams | None) -> types.ListPromptsResult:\n'
        '     return await fetch_prompts(params.cursor if params else None)\n'
        ' \n'
        '-@server.list_resources()\n'
        '-async def resources(request: types.ListResourcesRequest) -> types.ListResourcesResult:\n'
        '-    return await fetch_resources(request.params.cursor if request and request.params else None)\n'
        '+async def resources(ctx: ServerRequestContext, params: types.PaginatedRequestParams | None) -> types.ListResourcesResult:\n'
        '+    return await fetch_resources(params.cursor if params and params else None)\n'
        '+\n'
        '+\n'
        "+server = Server('s', on_list_tools=tools, on_list_prompts=prompts, on_list_resources=resources)\n",
        findings=["LOW001:5 safe", "LOW001:9 safe", "LOW001:14 safe"],
    ),
    # the request object used for more than `.params`: a marker
    case(
        ' from mcp.server import Server\n'
        " server = Server('s')\n"
        ' \n'
        '+# mcp-migrate: LOW001 remove the decorator and register `tools` with `on_list_tools=` in `Server(...)` (or `add_request_handler("tools/list", PaginatedRequestParams, tools)`); v2 handlers take `(ctx: ServerRequestContext, params: PaginatedRequestParams | None) -> ListToolsResult` (the handler uses the v1 request object beyond `request.params`) https://py.sdk.modelcontextprotocol.io/v2/migration/#lowlevel-server-decorator-based-handlers-replaced-with-constructor-on_-params\n'
        ' @server.list_tools()\n'
        ' async def tools(request):\n'
        '     log(request)\n'
        '     return []\n',
        findings=["LOW001:4 manual"],
    ),
    # a server built in `__init__`, handlers in another method: `add_request_handler` after each def
    case(
        ' from mcp.server.lowlevel import Server\n'
        '+from mcp.server import ServerRequestContext\n'
        '+from mcp.types import ListResourcesResult, PaginatedRequestParams, ReadResourceRequestParams, ReadResourceResult, TextResourceContents\n'
        ' \n'
        ' class App:\n'
        '     def __init__(self):\n'
        "         self.server = Server('s')\n"
        ' \n'
        '     def setup(self):\n'
        '-        @self.server.list_resources()\n'
        '-        async def resources():\n'
        '-            return []\n'
        '+        async def resources(ctx: ServerRequestContext, params: PaginatedRequestParams | None):\n'
        '+            return ListResourcesResult(resources=[])\n'
        '+        self.server.add_request_handler("resources/list", PaginatedRequestParams, resources)\n'
        ' \n'
        '-        @self.server.read_resource()\n'
        '-        async def read(uri):\n'
        "-            return f'contents of {uri}'\n"
        '+        async def read(ctx: ServerRequestContext, params: ReadResourceRequestParams):\n'
        '+            uri = params.uri\n'
        '+            return ReadResourceResult(contents=[TextResourceContents(uri=params.uri, text=f\'contents of {uri}\', mime_type="text/plain")])\n'
        '+        self.server.add_request_handler("resources/read", ReadResourceRequestParams, read)\n',
        findings=["LOW001:12 safe", "LOW001:8 safe"],
    ),
    # a server built inside a function: `Server(...)` moves below the handlers in that function
    case(
        ' from mcp.server.lowlevel import Server\n'
        ' import mcp.types as types\n'
        '+from mcp.server import ServerRequestContext\n'
        ' \n'
        ' \n'
        ' async def main(db):\n'
        '-    server = Server("duckdb")\n'
        '+    async def handle_list_prompts(ctx: ServerRequestContext, params: types.PaginatedRequestParams | None) -> types.ListPromptsResult:\n'
        '+        return types.ListPromptsResult(prompts=[])\n'
        ' \n'
        '-    @server.list_prompts()\n'
        '-    async def handle_list_prompts() -> list[types.Prompt]:\n'
        '-        return []\n'
        '+    async def progress(ctx: ServerRequestContext, params: types.ProgressNotificationParams):\n'
        '+        progress = params.progress\n'
        '+        db.log(progress)\n'
        ' \n'
        '+    server = Server("duckdb", on_list_prompts=handle_list_prompts, on_progress=progress)\n'
        '-    @server.progress_notification()\n'
        '-    async def progress(token, progress, total, message):\n'
        '-        db.log(progress)\n'
        ' \n'
        '     options = server.create_initialization_options()\n'
        '     await server.run(r, w, options)\n',
        findings=["LOW001:12 safe", "LOW001:8 safe"],
    ),
    # the server is used between the handlers at import time: `add_request_handler`; `set_logging_level` returns `EmptyResult()`
    case(
        ' from mcp.server import Server\n'
        '+from mcp.server import ServerRequestContext\n'
        '+from mcp.types import EmptyResult, SetLevelRequestParams\n'
        " server = Server('s')\n"
        ' app = wrap(server)\n'
        ' \n'
        '-@server.set_logging_level()\n'
        '-async def set_level(level):\n'
        '+async def set_level(ctx: ServerRequestContext, params: SetLevelRequestParams):\n'
        '+    level = params.level\n'
        '     if level == "debug":\n'
        '-        return\n'
        '+        return EmptyResult()\n'
        '     LOG.setLevel(level)\n'
        '+    return EmptyResult()\n'
        '+\n'
        '+\n'
        '+server.add_request_handler("logging/setLevel", SetLevelRequestParams, set_level)\n',
        findings=["LOW001:5 safe"],
    ),
    # the SDK imported inside the function: the new imports go there too
    case(
        ' def build():\n'
        '     from mcp import types\n'
        '     from mcp.server.lowlevel import Server\n'
        '+    from mcp.server import ServerRequestContext\n'
        ' \n'
        '-    server = Server("agent")\n'
        '+    async def complete(ctx: ServerRequestContext, params: types.CompleteRequestParams):\n'
        '+        argument = params.argument\n'
        '+        if argument.name != "city":\n'
        '+            return types.CompleteResult(completion=types.Completion(values=[]))\n'
        '+        return types.CompleteResult(completion=types.Completion(values=["Paris"]))\n'
        ' \n'
        '+    server = Server("agent", on_completion=complete)\n'
        '-    @server.completion()\n'
        '-    async def complete(ref, argument, context):\n'
        '-        if argument.name != "city":\n'
        '-            return None\n'
        '-        return types.Completion(values=["Paris"])\n'
        ' \n'
        '     return server\n',
        findings=["LOW001:7 safe"],
    ),
    # `server.request_context` in a handler becomes its `ctx`; another `call_tool` shorthand: a `(content, structured)` tuple, and a dict by annotation
    case(
        ' import json\n'
        ' from typing import Any\n'
        ' \n'
        ' from mcp.server import Server\n'
        ' from mcp.types import TextContent\n'
        '+from mcp.server import ServerRequestContext\n'
        '+from mcp.types import CallToolRequestParams, CallToolResult\n'
        ' \n'
        "-server = Server('s')\n"
        "+# mcp-migrate: LOW001 v1's `call_tool()` checked `arguments` against the tool's `inputSchema` (and structured output against `outputSchema`) before calling this handler; v2 does not, so validate here if you relied on it https://py.sdk.modelcontextprotocol.io/v2/migration/#lowlevel-server-decorator-based-handlers-replaced-with-constructor-on_-params\n"
        '+async def call(ctx: ServerRequestContext, params: CallToolRequestParams) -> CallToolResult:\n'
        '+    name = params.name\n'
        '+    await ctx.session.send_log_message("info", name)\n'
        '+    if name == "both":\n'
        '+        return CallToolResult(content=[TextContent(type="text", text="x")], structured_content={"x": 1})\n'
        '+    result = {"ok": True}\n'
        '+    return CallToolResult(content=[TextContent(type="text", text=json.dumps(result, indent=2))], structured_content=result)\n'
        ' \n'
        '+\n'
        "+server = Server('s', on_call_tool=call)\n"
        '-@server.call_tool()\n'
        '-async def call(name: str, arguments: dict[str, Any]) -> dict[str, Any]:\n'
        '-    await server.request_context.session.send_log_message("info", name)\n'
        '-    if name == "both":\n'
        '-        return [TextContent(type="text", text="x")], {"x": 1}\n'
        '-    result = {"ok": True}\n'
        '-    return result\n',
        findings=["LOW001:10 manual", "LOW001:9 safe"],
    ),
    # `read_resource` returning `ReadResourceContents` and bytes; a `uri` used as a URL stays the `AnyUrl` v1 passed
    case(
        ' from mcp.server import Server\n'
        ' from mcp.server.lowlevel.helper_types import ReadResourceContents\n'
        '+import base64\n'
        '+from mcp.server import ServerRequestContext\n'
        '+from mcp.types import BlobResourceContents, ReadResourceRequestParams, ReadResourceResult, TextResourceContents\n'
        '+from pydantic import AnyUrl\n'
        ' \n'
        "-server = Server('s')\n"
        '+async def read(ctx: ServerRequestContext, params: ReadResourceRequestParams):\n'
        '+    uri = AnyUrl(params.uri)\n'
        '+    if uri.path == "/logo":\n'
        '+        return ReadResourceResult(contents=[BlobResourceContents(uri=params.uri, blob=base64.b64encode(b"\\x89PNG").decode(), mime_type="application/octet-stream")])\n'
        '+    return ReadResourceResult(contents=[TextResourceContents(uri=params.uri, text="text", mime_type="text/plain"), TextResourceContents(uri=params.uri, text="<b/>", mime_type="text/html")])\n'
        ' \n'
        '+\n'
        "+server = Server('s', on_read_resource=read)\n"
        '-@server.read_resource()\n'
        '-async def read(uri):\n'
        '-    if uri.path == "/logo":\n'
        '-        return b"\\x89PNG"\n'
        '-    return [ReadResourceContents(content="text", mime_type=None), ReadResourceContents("<b/>", "text/html")]\n',
        findings=["LOW001:6 safe"],
    ),
    # content whose type the file does not show: v1's own run-time choice between text and blob; `meta=`
    # is the contents' `_meta`; `json.dumps(...)` and `"".join(...)` are text whatever they are given
    case(
        ' import json\n'
        ' from mcp.server import Server\n'
        ' from mcp.server.lowlevel.helper_types import ReadResourceContents\n'
        '+import base64\n'
        '+from mcp.server import ServerRequestContext\n'
        '+from mcp.types import BlobResourceContents, ReadResourceRequestParams, ReadResourceResult, TextResourceContents\n'
        ' \n'
        "-server = Server('s')\n"
        '+async def read(ctx: ServerRequestContext, params: ReadResourceRequestParams):\n'
        '+    uri = params.uri\n'
        '+    doc = DOCS[str(uri)]\n'
        '+    if doc.raw:\n'
        '+        return ReadResourceResult(contents=[TextResourceContents(uri=params.uri, text=doc.body, mime_type=doc.mime or "text/plain", _meta={"v": doc.version}) if isinstance(doc.body, str) else BlobResourceContents(uri=params.uri, blob=base64.b64encode(doc.body).decode(), mime_type=doc.mime or "application/octet-stream", _meta={"v": doc.version})])\n'
        '+    return ReadResourceResult(contents=[TextResourceContents(uri=params.uri, text=json.dumps(doc.data), mime_type="application/json"), TextResourceContents(uri=params.uri, text="".join(doc.lines), mime_type="text/plain")])\n'
        ' \n'
        '+\n'
        "+server = Server('s', on_read_resource=read)\n"
        '-@server.read_resource()\n'
        '-async def read(uri):\n'
        '-    doc = DOCS[str(uri)]\n'
        '-    if doc.raw:\n'
        '-        return [ReadResourceContents(content=doc.body, mime_type=doc.mime, meta={"v": doc.version})]\n'
        '-    return [ReadResourceContents(json.dumps(doc.data), "application/json"), ReadResourceContents("".join(doc.lines))]\n',
        findings=["LOW001:7 safe"],
    ),
    # ... a call of the file's own function declared `-> str` is text (the URI it is handed stays v1's `AnyUrl`)
    case(
        ' from mcp.server import Server\n'
        ' from mcp.server.lowlevel.helper_types import ReadResourceContents\n'
        '+from mcp.server import ServerRequestContext\n'
        '+from mcp.types import ReadResourceRequestParams, ReadResourceResult, TextResourceContents\n'
        '+from pydantic import AnyUrl\n'
        ' \n'
        ' def render(uri) -> str:\n'
        '     return str(uri)\n'
        ' \n'
        "-server = Server('s')\n"
        '+async def read(ctx: ServerRequestContext, params: ReadResourceRequestParams):\n'
        '+    uri = AnyUrl(params.uri)\n'
        '+    return ReadResourceResult(contents=[TextResourceContents(uri=params.uri, text=render(uri), mime_type="text/markdown")])\n'
        ' \n'
        '+\n'
        "+server = Server('s', on_read_resource=read)\n"
        '-@server.read_resource()\n'
        '-async def read(uri):\n'
        '-    return [ReadResourceContents(content=render(uri), mime_type="text/markdown")]\n',
        findings=["LOW001:9 safe"],
    ),
    # ... a call whose type the file does not show (text or bytes only at run time): v1's normalization,
    # as a function of the file, decides when it runs
    case(
        " from mcp.server import Server\n"
        " from mcp.server.lowlevel.helper_types import ReadResourceContents\n"
        "-server = Server('s')\n"
        "+import base64\n"
        "+from mcp.server import ServerRequestContext\n"
        "+from mcp.types import BlobResourceContents, ReadResourceRequestParams, ReadResourceResult, TextResourceContents\n"
        "+from pydantic import AnyUrl\n"
        " \n"
        "-@server.read_resource()\n"
        "-async def read(uri):\n" + READ_RESOURCE_RESULT + "+\n"
        "+\n"
        "+async def read(ctx: ServerRequestContext, params: ReadResourceRequestParams):\n"
        "+    uri = AnyUrl(params.uri)\n"
        "-    return [ReadResourceContents(content=render(uri))]\n"
        "+    return read_resource_result(params.uri, [ReadResourceContents(content=render(uri))])\n"
        "+\n"
        "+\n"
        "+server = Server('s', on_read_resource=read)\n",
        findings=["LOW001:5 safe"],
    ),
    # a stacked decorator, a sync handler, a handler also called directly: markers, nothing converted on that server
    case(
        ' from mcp.server import Server\n'
        " server = Server('s')\n"
        ' \n'
        '+# mcp-migrate: LOW001 remove the decorator and register `tools` with `on_list_tools=` in `Server(...)` (or `add_request_handler("tools/list", PaginatedRequestParams, tools)`); v2 handlers take `(ctx: ServerRequestContext, params: PaginatedRequestParams | None) -> ListToolsResult` (another decorator is stacked on the handler: check what it expects before converting) https://py.sdk.modelcontextprotocol.io/v2/migration/#lowlevel-server-decorator-based-handlers-replaced-with-constructor-on_-params\n'
        ' @server.list_tools()\n'
        ' @traced\n'
        ' async def tools():\n'
        '     return []\n'
        ' \n'
        '+# mcp-migrate: LOW001 remove the decorator and register `prompts` with `on_list_prompts=` in `Server(...)` (or `add_request_handler("prompts/list", PaginatedRequestParams, prompts)`); v2 handlers take `(ctx: ServerRequestContext, params: PaginatedRequestParams | None) -> ListPromptsResult` (the handler is not an `async def`) https://py.sdk.modelcontextprotocol.io/v2/migration/#lowlevel-server-decorator-based-handlers-replaced-with-constructor-on_-params\n'
        ' @server.list_prompts()\n'
        ' def prompts():\n'
        '     return []\n'
        ' \n'
        '+# mcp-migrate: LOW001 remove the decorator and register `resources` with `on_list_resources=` in `Server(...)` (or `add_request_handler("resources/list", PaginatedRequestParams, resources)`); v2 handlers take `(ctx: ServerRequestContext, params: PaginatedRequestParams | None) -> ListResourcesResult` (the handler is also called or referenced directly, and its signature changes) https://py.sdk.modelcontextprotocol.io/v2/migration/#lowlevel-server-decorator-based-handlers-replaced-with-constructor-on_-params\n'
        ' @server.list_resources()\n'
        ' async def resources():\n'
        '     return []\n'
        ' \n'
        ' async def test():\n'
        '     assert await resources() == []\n',
        findings=["LOW001:13 manual", "LOW001:4 manual", "LOW001:9 manual"],
    ),
    # a return whose shape shows only at run time: v1's normalization, as a function of the file
    case(
        " from mcp.server import Server\n"
        "-server = Server('s')\n"
        "+import json\n"
        "+from mcp.server import ServerRequestContext\n"
        "+from mcp.types import CallToolRequestParams, CallToolResult, TextContent\n"
        " \n"
        "-@server.call_tool()\n"
        "-async def call(name, arguments):\n"
        "+def call_tool_result(value) -> CallToolResult:\n"
        "+    \"\"\"v1's lowlevel `call_tool()` turned what a handler returned into a `CallToolResult`; v2 takes the\n"
        "+    result itself (https://py.sdk.modelcontextprotocol.io/v2/migration/#lowlevel-server-automatic-return-value-wrapping-removed).\"\"\"\n"
        "+    if isinstance(value, CallToolResult):\n"
        "+        return value\n"
        "+    if isinstance(value, tuple) and len(value) == 2:\n"
        "+        content, structured = value\n"
        "+    elif isinstance(value, dict):\n"
        "+        content, structured = [TextContent(type=\"text\", text=json.dumps(value, indent=2))], value\n"
        "+    else:\n"
        "+        content, structured = value, None\n"
        "+    return CallToolResult(content=list(content), structured_content=structured)\n"
        "+\n"
        "+\n"
        "+# mcp-migrate: LOW001 v1's `call_tool()` checked `arguments` against the tool's `inputSchema` (and structured output against `outputSchema`) before calling this handler; v2 does not, so validate here if you relied on it https://py.sdk.modelcontextprotocol.io/v2/migration/#lowlevel-server-decorator-based-handlers-replaced-with-constructor-on_-params\n"
        "+async def call(ctx: ServerRequestContext, params: CallToolRequestParams):\n"
        "+    name, arguments = params.name, params.arguments or {}\n"
        "-    return await dispatch(name, arguments)\n"
        "+    return call_tool_result(await dispatch(name, arguments))\n"
        "+\n"
        "+\n"
        "+server = Server('s', on_call_tool=call)\n",
        findings=["LOW001:4 safe", "LOW001:5 manual"],
    ),
    # a file already half on v2: the remaining decorator is converted too
    case(
        ' from mcp.server import Server, ServerRequestContext\n'
        ' import mcp.types as types\n'
        ' \n'
        ' async def handle_list_tools(ctx: ServerRequestContext, params: types.PaginatedRequestParams | None) -> types.ListToolsResult:\n'
        '     return types.ListToolsResult(tools=[])\n'
        ' \n'
        '-server = Server("my-server", on_list_tools=handle_list_tools)\n'
        '+async def prompts(ctx: ServerRequestContext, params: types.PaginatedRequestParams | None) -> types.ListPromptsResult:\n'
        '+    return types.ListPromptsResult(prompts=[])\n'
        ' \n'
        '+\n'
        '+server = Server("my-server", on_list_tools=handle_list_tools, on_list_prompts=prompts)\n'
        '-@server.list_prompts()\n'
        '-async def prompts() -> list[types.Prompt]:\n'
        '-    return []\n',
        findings=["LOW001:9 safe"],
    ),
    # the call form
    case(
        ' from mcp.server import Server\n'
        " server = Server('s')\n"
        '+# mcp-migrate: LOW001 `Server.subscribe_resource()` is gone: pass the handler as `on_subscribe_resource=` to `Server(...)`, signature `(ctx: ServerRequestContext, params: SubscribeRequestParams) -> EmptyResult` https://py.sdk.modelcontextprotocol.io/v2/migration/#lowlevel-server-decorator-based-handlers-replaced-with-constructor-on_-params\n'
        ' server.subscribe_resource()(handle_sub)\n',
        findings=["LOW001:3 manual"],
    ),
    # bound methods registered with the call form: the methods take `(self, ctx, params)`, registered
    # where the call form stood
    case(
        " import mcp.types as types\n"
        " from mcp.server.lowlevel import Server\n"
        "+from mcp.server import ServerRequestContext\n"
        " \n"
        " class Catalog:\n"
        "     def __init__(self) -> None:\n"
        "         self.server = Server('catalog')\n"
        "-        self.server.list_tools()(self.list_tools)\n"
        "-        self.server.get_prompt()(self.get_prompt)\n"
        '+        self.server.add_request_handler("tools/list", types.PaginatedRequestParams, self.list_tools)\n'
        '+        self.server.add_request_handler("prompts/get", types.GetPromptRequestParams, self.get_prompt)\n'
        " \n"
        "-    async def list_tools(self) -> list[types.Tool]:\n"
        "-        return []\n"
        "+    async def list_tools(self, ctx: ServerRequestContext, params: types.PaginatedRequestParams | None) -> types.ListToolsResult:\n"
        "+        return types.ListToolsResult(tools=[])\n"
        " \n"
        "-    async def get_prompt(self, name: str, arguments: dict[str, str] | None) -> types.GetPromptResult:\n"
        "+    async def get_prompt(self, ctx: ServerRequestContext, params: types.GetPromptRequestParams) -> types.GetPromptResult:\n"
        "+        name = params.name\n"
        "         return types.GetPromptResult(description=name, messages=[])\n",
        findings=["LOW001:7 safe", "LOW001:8 safe"],
    ),
    # a bound method the class also calls itself (or a subclass overrides): its signature must stay
    case(
        KEPT_METHOD + "     async def names(self) -> list[str]:\n"
        "         return [t.name for t in await self.list_tools()]\n",
        findings=["LOW001:7 manual"],
    ),
    case(
        KEPT_METHOD + " class Extended(Catalog):\n     pass\n",
        findings=["LOW001:7 manual"],
    ),
    # handlers that bind `ctx` themselves (`ctx = await self._context()`): the v2 context parameter
    # takes a free name, and the helper reading `server.request_context` is handed it by each handler
    case(
        ' import mcp.types as types\n'
        ' from mcp.server.lowlevel import Server\n'
        '+from mcp.server import ServerRequestContext\n'
        '+from typing import Any\n'
        ' \n'
        ' \n'
        ' class Bridge:\n'
        '     def __init__(self):\n'
        '         self.server = Server("bridge")\n'
        '         self._register()\n'
        ' \n'
        '-    async def _context(self):\n'
        '-        ctx = self.server.request_context\n'
        '+    async def _context(self, ctx: ServerRequestContext):\n'
        '         return ctx\n'
        ' \n'
        '     def _register(self):\n'
        '         server = self.server\n'
        ' \n'
        '-        @server.list_tools()\n'
        '-        async def list_tools() -> list[types.Tool]:\n'
        '-            ctx = await self._context()\n'
        '-            return ctx.lifespan_context.tools\n'
        '+        async def list_tools(request_ctx: ServerRequestContext[Any], params: types.PaginatedRequestParams | None) -> types.ListToolsResult:\n'
        '+            ctx = await self._context(ctx=request_ctx)\n'
        '+            return types.ListToolsResult(tools=ctx.lifespan_context.tools)\n'
        '+        server.add_request_handler("tools/list", types.PaginatedRequestParams, list_tools)\n'
        ' \n'
        '-        @server.list_prompts()\n'
        '-        async def list_prompts() -> list[types.Prompt]:\n'
        '-            ctx = await self._context()\n'
        '-            return ctx.lifespan_context.prompts\n'
        '+        async def list_prompts(request_ctx: ServerRequestContext[Any], params: types.PaginatedRequestParams | None) -> types.ListPromptsResult:\n'
        '+            ctx = await self._context(ctx=request_ctx)\n'
        '+            return types.ListPromptsResult(prompts=ctx.lifespan_context.prompts)\n'
        '+        server.add_request_handler("prompts/list", types.PaginatedRequestParams, list_prompts)\n',
        findings=["LOW001:17 safe", "LOW001:22 safe"],
    ),
    # a property returning part of the request context, read in a converted handler: that part of the
    # handler's `ctx` (the property stays for other readers; LOW010 marks it)
    case(
        " from mcp.server.lowlevel.server import Server\n"
        "+from mcp.server import ServerRequestContext\n"
        "+from mcp.types import ProgressNotificationParams\n"
        " \n"
        " class Hub:\n"
        "     def __init__(self):\n"
        "         self.server = Server('hub')\n"
        " \n"
        "-        @self.server.progress_notification()\n"
        "-        async def on_progress(token, progress, total, message):\n"
        "-            self.state.seen.append(progress)\n"
        "+        async def on_progress(ctx: ServerRequestContext, params: ProgressNotificationParams):\n"
        "+            progress = params.progress\n"
        "+            ctx.lifespan_context.seen.append(progress)\n"
        '+        self.server.add_notification_handler("notifications/progress", ProgressNotificationParams, on_progress)\n'
        " \n"
        "     @property\n"
        "     def state(self):\n"
        "         return self.server.request_context.lifespan_context\n",
        findings=["LOW001:7 safe"],
    ),
    # the value comes from a dispatch table whose functions return a union that merely includes
    # `CallToolResult`: not passed through as one, normalized as v1 did
    case(
        " from collections.abc import Awaitable, Callable\n"
        " from typing import Any\n"
        " import mcp.types as types\n"
        " from mcp.server.lowlevel import Server\n"
        "+import json\n"
        "+from mcp.server import ServerRequestContext\n"
        " \n"
        "+\n"
        "-server = Server('kv')\n"
        "+def call_tool_result(value) -> types.CallToolResult:\n"
        "+    \"\"\"v1's lowlevel `call_tool()` turned what a handler returned into a `CallToolResult`; v2 takes the\n"
        "+    result itself (https://py.sdk.modelcontextprotocol.io/v2/migration/#lowlevel-server-automatic-return-value-wrapping-removed).\"\"\"\n"
        "+    if isinstance(value, types.CallToolResult):\n"
        "+        return value\n"
        "+    if isinstance(value, tuple) and len(value) == 2:\n"
        "+        content, structured = value\n"
        "+    elif isinstance(value, dict):\n"
        "+        content, structured = [types.TextContent(type=\"text\", text=json.dumps(value, indent=2))], value\n"
        "+    else:\n"
        "+        content, structured = value, None\n"
        "+    return types.CallToolResult(content=list(content), structured_content=structured)\n"
        "+\n"
        "+\n"
        " ToolOutput = dict[str, Any] | types.CallToolResult\n"
        " DISPATCH: dict[str, Callable[[dict[str, Any]], Awaitable[ToolOutput]]] = {}\n"
        " \n"
        "-@server.call_tool()\n"
        "-async def call_tool(name: str, arguments: dict[str, Any]) -> ToolOutput:\n"
        "+# mcp-migrate: LOW001 v1's `call_tool()` checked `arguments` against the tool's `inputSchema` (and structured output against `outputSchema`) before calling this handler; v2 does not, so validate here if you relied on it https://py.sdk.modelcontextprotocol.io/v2/migration/#lowlevel-server-decorator-based-handlers-replaced-with-constructor-on_-params\n"
        "+async def call_tool(ctx: ServerRequestContext, params: types.CallToolRequestParams) -> types.CallToolResult:\n"
        "+    name, arguments = params.name, params.arguments or {}\n"
        "-    return await DISPATCH[name](arguments)\n"
        "+    return call_tool_result(await DISPATCH[name](arguments))\n"
        "+\n"
        "+\n"
        "+server = Server('kv', on_call_tool=call_tool)\n",
        findings=["LOW001:10 safe", "LOW001:11 manual"],
    ),
    # a resource read of run-time shape: v1's normalization, as a function of the file
    case(
        " from mcp.server.lowlevel import Server\n"
        "+import base64\n"
        "+from mcp.server import ServerRequestContext\n"
        "+from mcp.types import BlobResourceContents, ReadResourceRequestParams, ReadResourceResult, TextResourceContents\n"
        " \n"
        "+\n"
        "-server = Server('ops')\n" + READ_RESOURCE_RESULT + "+\n"
        "+\n"
        " READERS = {}\n"
        " \n"
        " \n"
        "-@server.read_resource()\n"
        "-async def read(uri):\n"
        "-    return await READERS[str(uri)]()\n"
        "+async def read(ctx: ServerRequestContext, params: ReadResourceRequestParams):\n"
        "+    uri = params.uri\n"
        "+    return read_resource_result(params.uri, await READERS[str(uri)]())\n"
        "+\n"
        "+\n"
        "+server = Server('ops', on_read_resource=read)\n",
        findings=["LOW001:7 safe"],
    ),
]

NOOP = [
    # not the SDK's `Server`
    "class Server:\n"
    "    def list_tools(self):\n"
    "        return lambda f: f\n"
    "\n"
    "server = Server()\n"
    "\n"
    "@server.list_tools()\n"
    "async def t():\n"
    "    return []\n",
    # the separate `fastmcp` package
    "from fastmcp import FastMCP\nmcp = FastMCP('x')\n\n@mcp.tool()\nasync def t():\n    return 1\n",
    # already v2
    "from mcp.server import Server\n"
    "\n"
    "async def t(ctx, params):\n"
    "    return None\n"
    "\n"
    "server = Server('s', on_list_tools=t)\n",
    "from mcp.server import Server\n"
    "\n"
    "server = Server('s')\n"
    "\n"
    "async def t(ctx, params):\n"
    "    return None\n"
    "\n"
    "server.add_request_handler('tools/list', PaginatedRequestParams, t)\n",
    "s = '@server.list_tools()'  # @server.call_tool()\n",
]
