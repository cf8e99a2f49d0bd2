"""LOW010: Lowlevel `Server`: `request_context` property removed

Rule: engine/mcp_migrate/rules/low010_request_context.py. Table format: engine/tests/tables/__init__.py.
"""

from . import case

CASES = [
    # outside any handler: markers (pass the handler's `ctx` in)
    case(
        "+# mcp-migrate: LOW010 `request_ctx` is gone in v2: use the handler's first argument `ctx: ServerRequestContext` (`ctx.session`, `ctx.lifespan_context`, `ctx.request_id`, `ctx.request`) https://py.sdk.modelcontextprotocol.io/v2/migration/#lowlevel-server-request_context-property-removed\n"
        ' from mcp.server.lowlevel.server import Server, request_ctx\n'
        " server = Server('s')\n"
        ' \n'
        ' async def h():\n'
        "+    # mcp-migrate: LOW010 `server.request_context` is gone in v2: use the handler's first argument `ctx: ServerRequestContext` (`ctx.session`, `ctx.lifespan_context`, `ctx.request_id`, `ctx.request`); outside a handler, pass the handler's `ctx` in as an argument https://py.sdk.modelcontextprotocol.io/v2/migration/#lowlevel-server-request_context-property-removed\n"
        '     a = server.request_context\n'
        "+    # mcp-migrate: LOW010 `request_ctx` is gone in v2: use the handler's first argument `ctx: ServerRequestContext` (`ctx.session`, `ctx.lifespan_context`, `ctx.request_id`, `ctx.request`); outside a handler, pass the handler's `ctx` in as an argument https://py.sdk.modelcontextprotocol.io/v2/migration/#lowlevel-server-request_context-property-removed\n"
        '     b = request_ctx.get()\n',
        findings=["LOW010:1 manual", "LOW010:5 manual", "LOW010:6 manual"],
    ),
    # inside a handler LOW001 converts: the handler's `ctx` (the finding carries the whole conversion)
    case(
        '-from mcp.server.lowlevel.server import Server, request_ctx\n'
        '+from mcp.server.lowlevel.server import Server\n'
        "-server = Server('s')\n"
        '+from mcp.server import ServerRequestContext\n'
        '+from mcp.types import ProgressNotificationParams\n'
        ' \n'
        '-@server.progress_notification()\n'
        '-async def progress(token, progress, total, message):\n'
        '+async def progress(ctx: ServerRequestContext, params: ProgressNotificationParams):\n'
        '+    progress = params.progress\n'
        '-    await server.request_context.session.send_log_message("info", progress)\n'
        '+    await ctx.session.send_log_message("info", progress)\n'
        '-    request_ctx.get().session.touch()\n'
        '+    ctx.session.touch()\n'
        '+\n'
        '+\n'
        "+server = Server('s', on_progress=progress)\n",
        findings=["LOW010:1 safe", "LOW010:6 safe", "LOW010:7 safe"],
    ),
    # inside a handler the engine leaves to a person: a marker
    case(
        ' from mcp.server import Server\n'
        " server = Server('s')\n"
        ' \n'
        ' @server.list_tools()\n'
        ' @cached\n'
        ' async def tools():\n'
        "+    # mcp-migrate: LOW010 `server.request_context` is gone in v2: use the handler's first argument `ctx: ServerRequestContext` (`ctx.session`, `ctx.lifespan_context`, `ctx.request_id`, `ctx.request`) https://py.sdk.modelcontextprotocol.io/v2/migration/#lowlevel-server-request_context-property-removed\n"
        '     await server.request_context.session.send_ping()\n'
        '     return []\n',
        findings=["LOW010:7 manual"],
    ),
    # a helper that only converted handlers call takes their `ctx`, which they pass; one that other
    # code calls too stays marked
    case(
        '-from mcp.server.lowlevel.server import Server, request_ctx\n'
        '+from mcp.server.lowlevel.server import Server\n'
        "-server = Server('s')\n"
        '+from mcp.server import ServerRequestContext\n'
        '+from mcp.types import ProgressNotificationParams\n'
        ' \n'
        '-async def note(text):\n'
        '+async def note(text, ctx: ServerRequestContext):\n'
        '-    await request_ctx.get().session.send_log_message("info", text)\n'
        '+    await ctx.session.send_log_message("info", text)\n'
        ' \n'
        '-@server.progress_notification()\n'
        '-async def progress(token, progress, total, message):\n'
        '+async def progress(ctx: ServerRequestContext, params: ProgressNotificationParams):\n'
        '+    progress = params.progress\n'
        '-    await note(str(progress))\n'
        '+    await note(str(progress), ctx=ctx)\n'
        '+\n'
        '+\n'
        "+server = Server('s', on_progress=progress)\n"
        ' \n'
        ' \n'
        ' class Hub:\n'
        '     def __init__(self):\n'
        "         self.server = Server('hub')\n"
        ' \n'
        '         @self.server.progress_notification()\n'
        '         async def on_progress(token, progress, total, message):\n'
        '             await self._report(progress)\n'
        ' \n'
        '     async def _report(self, value):\n'
        "+        # mcp-migrate: LOW010 `server.request_context` is gone in v2: use the handler's first argument `ctx: ServerRequestContext` (`ctx.session`, `ctx.lifespan_context`, `ctx.request_id`, `ctx.request`); outside a handler, pass the handler's `ctx` in as an argument https://py.sdk.modelcontextprotocol.io/v2/migration/#lowlevel-server-request_context-property-removed\n"
        '         ctx = self.server.request_context\n'
        '         await ctx.session.send_log_message("info", value)\n'
        ' \n'
        '     async def elsewhere(self):\n'
        '         await self._report(1)\n',
        findings=["LOW010:1 safe", "LOW010:5 safe", "LOW010:21 manual"],
    ),
    # a method of a class-based server, called by the handler registered in `__init__`
    case(
        ' from mcp.server.lowlevel.server import Server\n'
        '+from mcp.server import ServerRequestContext\n'
        '+from mcp.types import ProgressNotificationParams\n'
        ' \n'
        ' class Hub:\n'
        '     def __init__(self):\n'
        "         self.server = Server('hub')\n"
        ' \n'
        '-        @self.server.progress_notification()\n'
        '-        async def on_progress(token, progress, total, message):\n'
        '+        async def on_progress(ctx: ServerRequestContext, params: ProgressNotificationParams):\n'
        '+            progress = params.progress\n'
        '-            await self._report(progress)\n'
        '+            await self._report(progress, ctx=ctx)\n'
        '+        self.server.add_notification_handler("notifications/progress", ProgressNotificationParams, on_progress)\n'
        ' \n'
        '+    async def _report(self, value, ctx: ServerRequestContext):\n'
        '-    async def _report(self, value):\n'
        '-        ctx = self.server.request_context\n'
        '         await ctx.session.send_log_message("info", value)\n',
        findings=["LOW010:12 safe"],
    ),
    # a method named like the server's decorator it is called under (`self.server.list_tools` is not
    # the method)
    case(
        ' from mcp.server.lowlevel.server import Server\n'
        ' from mcp.types import Tool\n'
        '+from mcp.server import ServerRequestContext\n'
        '+from mcp.types import ListToolsResult, PaginatedRequestParams\n'
        ' \n'
        ' class Hub:\n'
        '     def __init__(self):\n'
        "         self.server = Server('hub')\n"
        ' \n'
        '-        @self.server.list_tools()\n'
        '-        async def list_tools() -> list[Tool]:\n'
        '-            return await self.list_tools()\n'
        '+        async def list_tools(ctx: ServerRequestContext, params: PaginatedRequestParams | None) -> ListToolsResult:\n'
        '+            return ListToolsResult(tools=await self.list_tools(ctx=ctx))\n'
        '+        self.server.add_request_handler("tools/list", PaginatedRequestParams, list_tools)\n'
        ' \n'
        '-    async def list_tools(self):\n'
        '-        await self.server.request_context.session.send_ping()\n'
        '+    async def list_tools(self, ctx: ServerRequestContext):\n'
        '+        await ctx.session.send_ping()\n'
        '         return []\n',
        findings=["LOW010:13 safe"],
    ),
    # a function nested in the function that builds the server, called only by its handlers
    case(
        ' from mcp.server.lowlevel.server import Server\n'
        '+from mcp.server import ServerRequestContext\n'
        '+from mcp.types import ProgressNotificationParams\n'
        ' \n'
        ' def build(name):\n'
        '-    async def _log(text):\n'
        '-        if server.request_context:\n'
        '-            await server.request_context.session.send_log_message("info", text)\n'
        '+    async def _log(text, ctx: ServerRequestContext):\n'
        '+        if ctx:\n'
        '+            await ctx.session.send_log_message("info", text)\n'
        ' \n'
        '-    server = Server(name)\n'
        '+    async def progress(ctx: ServerRequestContext, params: ProgressNotificationParams):\n'
        '+        progress = params.progress\n'
        '+        await _log(str(progress), ctx=ctx)\n'
        ' \n'
        '-    @server.progress_notification()\n'
        '-    async def progress(token, progress, total, message):\n'
        '-        await _log(str(progress))\n'
        '+    server = Server(name, on_progress=progress)\n'
        ' \n'
        '     return server\n',
        findings=["LOW010:5 safe", "LOW010:6 safe"],
    ),
    # the handler calls its own function of that name: not the helper's call to pass `ctx` to
    case(
        ' from mcp.server.lowlevel.server import Server\n'
        ' \n'
        ' def build(name):\n'
        '     async def _log(text):\n'
        "+        # mcp-migrate: LOW010 `server.request_context` is gone in v2: use the handler's first argument `ctx: ServerRequestContext` (`ctx.session`, `ctx.lifespan_context`, `ctx.request_id`, `ctx.request`); outside a handler, pass the handler's `ctx` in as an argument https://py.sdk.modelcontextprotocol.io/v2/migration/#lowlevel-server-request_context-property-removed\n"
        '         await server.request_context.session.send_log_message("info", text)\n'
        ' \n'
        '     server = Server(name)\n'
        ' \n'
        '     @server.progress_notification()\n'
        '     async def progress(token, progress, total, message):\n'
        '         def _log(text):\n'
        '             print(text)\n'
        '         _log(str(progress))\n'
        ' \n'
        '     return server\n',
        findings=["LOW010:5 manual"],
    ),
]

NOOP = [
    "class Server:\n    request_context = None\n\nServer().request_context\n",
    "from mcp.server.fastmcp import Context\n\nasync def t(ctx: Context):\n    return ctx.request_context\n",
]
