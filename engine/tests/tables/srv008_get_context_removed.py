"""SRV008: `MCPServer.get_context()` removed

Rule: engine/mcp_migrate/rules/srv008_get_context_removed.py. Table format: engine/tests/tables/__init__.py.
"""

from . import case

CASES = [
    case(
        " from mcp.server.fastmcp import FastMCP\n"
        "+from mcp.server.mcpserver import Context\n"
        " \n"
        " mcp = FastMCP('d')\n"
        " \n"
        " @mcp.tool()\n"
        "-async def my_tool(x: int) -> str:\n"
        "-    ctx = mcp.get_context()\n"
        "+async def my_tool(x: int, ctx: Context) -> str:\n"
        "     await ctx.report_progress(1, 2)\n"
        "     return str(x)\n",
        findings=["SRV008:7 safe"],
    ),
    case(
        " from mcp.server.fastmcp import FastMCP, Context\n"
        " \n"
        " mcp = FastMCP('d')\n"
        " \n"
        " @mcp.prompt()\n"
        "-def hello() -> str:\n"
        "-    context = mcp.get_context()\n"
        "+def hello(context: Context) -> str:\n"
        "     return context.request_id\n",
        findings=["SRV008:7 safe"],
    ),
    case(
        " from mcp.server.fastmcp import FastMCP, Context\n"
        " \n"
        " mcp = FastMCP('d')\n"
        " \n"
        " @mcp.tool()\n"
        " async def t(c: Context) -> str:\n"
        "-    return await helper(mcp.get_context())\n"
        "+    return await helper(c)\n",
        findings=["SRV008:7 safe"],
    ),
    case(
        " from mcp.server.fastmcp import FastMCP\n"
        " \n"
        " mcp = FastMCP('d')\n"
        " \n"
        " async def helper():\n"
        "+    # mcp-migrate: SRV008 `get_context()` was removed: declare a `ctx: Context` parameter on the tool/resource/prompt function and pass it to helpers that need it https://py.sdk.modelcontextprotocol.io/v2/migration/#mcpserverget_context-removed\n"
        "     await mcp.get_context().info('x')\n",
        findings=["SRV008:6 manual"],
    ),
    # used inside an expression, in a handler whose parameters have defaults: a keyword-only parameter
    case(
        " from mcp.server.fastmcp import FastMCP\n"
        "+from mcp.server.mcpserver import Context\n"
        " \n"
        " mcp = FastMCP('d')\n"
        " \n"
        " @mcp.tool()\n"
        "-async def create(name: str = 'app') -> str:\n"
        "-    result = await mcp.get_context().elicit('Create?', schema=Form)\n"
        "-    await mcp.get_context().info('done')\n"
        "+async def create(name: str = 'app', *, ctx: Context) -> str:\n"
        "+    result = await ctx.elicit('Create?', schema=Form)\n"
        "+    await ctx.info('done')\n"
        "     return result.action\n",
        findings=["SRV008:7 safe", "SRV008:8 safe"],
    ),
    case(
        " from mcp.server.fastmcp import FastMCP, Context\n"
        " \n"
        " mcp = FastMCP('d')\n"
        " \n"
        " @mcp.tool()\n"
        "-def t(ctx: str, *items: str) -> str:\n"
        "-    return mcp.get_context().request_id + ctx\n"
        "+def t(ctx: str, *items: str, context: Context) -> str:\n"
        "+    return context.request_id + ctx\n",
        findings=["SRV008:7 safe"],
    ),
    # a guide fragment: `mcp` is never defined, so only a marker
    case(
        " @mcp.tool()\n"
        " async def my_tool(x: int) -> str:\n"
        "+    # mcp-migrate: SRV008 `get_context()` was removed: declare a `ctx: Context` parameter on the tool/resource/prompt function and pass it to helpers that need it https://py.sdk.modelcontextprotocol.io/v2/migration/#mcpserverget_context-removed\n"
        "     ctx = mcp.get_context()\n"
        "     return str(x)\n",
        findings=["SRV008:3 manual"],
    ),
    # a handler something else calls (here, the file itself), or one with another decorator: the new
    # parameter could break that caller, so a review fix
    case(
        " from mcp.server.fastmcp import FastMCP\n"
        "+from mcp.server.mcpserver import Context\n"
        " \n"
        " mcp = FastMCP('d')\n"
        " \n"
        " @mcp.tool()\n"
        "-async def hello() -> str:\n"
        "-    return mcp.get_context().client_id\n"
        "+async def hello(ctx: Context) -> str:\n"
        "+    return ctx.client_id\n"
        " \n"
        " @traced\n"
        " @mcp.tool()\n"
        "-async def bye() -> str:\n"
        "-    return mcp.get_context().client_id\n"
        "+async def bye(ctx: Context) -> str:\n"
        "+    return ctx.client_id\n"
        " \n"
        " HANDLERS = [hello]\n",
        findings=["SRV008:7 review", "SRV008:12 review"],
    ),
    # a resource template is given a Context; a static resource cannot be
    case(
        " from mcp.server.fastmcp import FastMCP\n"
        "+from mcp.server.mcpserver import Context\n"
        " \n"
        " mcp = FastMCP('d')\n"
        " \n"
        " @mcp.resource('users://{name}')\n"
        "-async def user(name: str) -> str:\n"
        "-    ctx = mcp.get_context()\n"
        "+async def user(name: str, ctx: Context) -> str:\n"
        "     return ctx.client_id + name\n"
        " \n"
        "-@mcp.resource('config://app')\n"
        "-async def config() -> str:\n"
        "-    return mcp.get_context().client_id\n"
        "+# mcp-migrate: SRV008 this resource is now a template (`{?unused}`, for the `Context` v2 injects only into templates): a read of its old URI still matches, but clients find it in `resources/templates/list`, not `resources/list` https://py.sdk.modelcontextprotocol.io/v2/migration/#mcpserverget_context-removed\n"
        "+@mcp.resource('config://app{?unused}')\n"
        "+async def config(ctx: Context, unused: str | None = None) -> str:\n"
        "+    return ctx.client_id\n",
        findings=["SRV008:7 safe", "SRV008:10 manual", "SRV008:12 safe"],
    ),
    # the guide's optional query variable cannot extend a URI that has a query, nor a function that
    # something besides the server calls
    case(
        " from mcp.server.fastmcp import FastMCP\n"
        " \n"
        " mcp = FastMCP('d')\n"
        " \n"
        " @mcp.resource(uri='config://app?v=1')\n"
        " async def config() -> str:\n"
        "+    # mcp-migrate: SRV008 `get_context()` was removed, and v2 injects no `Context` into a static resource (its URI has no `{...}` variable): for lifespan state, read it from an object your lifespan populates; for the request, add a template variable to the URI (an optional `{?name}` with a default is enough) and a `ctx: Context` parameter, or do this work in a tool https://py.sdk.modelcontextprotocol.io/v2/migration/#mcpserverget_context-removed\n"
        "     return mcp.get_context().client_id\n"
        " \n"
        " @mcp.resource(uri='config://other')\n"
        " async def other() -> str:\n"
        "+    # mcp-migrate: SRV008 `get_context()` was removed, and v2 injects no `Context` into a static resource (its URI has no `{...}` variable): for lifespan state, read it from an object your lifespan populates; for the request, add a template variable to the URI (an optional `{?name}` with a default is enough) and a `ctx: Context` parameter, or do this work in a tool https://py.sdk.modelcontextprotocol.io/v2/migration/#mcpserverget_context-removed\n"
        "     return mcp.get_context().client_id\n"
        " \n"
        " DEFAULT = other()\n",
        findings=["SRV008:7 manual", "SRV008:11 manual"],
    ),
    # a static resource that reads the lifespan state, or hands its context on, stays marked: the
    # guide reads state from an object the lifespan fills, and a template's bare `Context` loses its type
    case(
        " from mcp.server.fastmcp import FastMCP\n"
        " \n"
        " mcp = FastMCP('d')\n"
        " \n"
        " @mcp.resource('notes://index')\n"
        " async def index() -> str:\n"
        "+    # mcp-migrate: SRV008 `get_context()` was removed, and v2 injects no `Context` into a static resource (its URI has no `{...}` variable): for lifespan state, read it from an object your lifespan populates; for the request, add a template variable to the URI (an optional `{?name}` with a default is enough) and a `ctx: Context` parameter, or do this work in a tool https://py.sdk.modelcontextprotocol.io/v2/migration/#mcpserverget_context-removed\n"
        "     return mcp.get_context().request_context.lifespan_context.db.all()\n"
        " \n"
        " @mcp.resource('notes://count')\n"
        " async def count() -> int:\n"
        "+    # mcp-migrate: SRV008 `get_context()` was removed, and v2 injects no `Context` into a static resource (its URI has no `{...}` variable): for lifespan state, read it from an object your lifespan populates; for the request, add a template variable to the URI (an optional `{?name}` with a default is enough) and a `ctx: Context` parameter, or do this work in a tool https://py.sdk.modelcontextprotocol.io/v2/migration/#mcpserverget_context-removed\n"
        "     ctx = mcp.get_context()\n"
        "     return len(state(ctx).notes)\n"
        " \n"
        " @mcp.resource('notes://log')\n"
        " async def log() -> str:\n"
        "+    # mcp-migrate: SRV008 `get_context()` was removed, and v2 injects no `Context` into a static resource (its URI has no `{...}` variable): for lifespan state, read it from an object your lifespan populates; for the request, add a template variable to the URI (an optional `{?name}` with a default is enough) and a `ctx: Context` parameter, or do this work in a tool https://py.sdk.modelcontextprotocol.io/v2/migration/#mcpserverget_context-removed\n"
        "     return describe(context=mcp.get_context())\n",
        findings=["SRV008:7 manual", "SRV008:11 manual", "SRV008:16 manual"],
    ),
    # a subclass of the server asking itself
    case(
        " from mcp.server.fastmcp import FastMCP\n"
        " \n"
        " class App(FastMCP):\n"
        "     def client(self):\n"
        "+        # mcp-migrate: SRV008 `get_context()` was removed: declare a `ctx: Context` parameter on the tool/resource/prompt function and pass it to helpers that need it https://py.sdk.modelcontextprotocol.io/v2/migration/#mcpserverget_context-removed\n"
        "         return self.get_context().client_id\n",
        findings=["SRV008:5 manual"],
    ),
    # a helper the handlers call: it takes their `Context` (a handler without one gets it injected)
    case(
        " from mcp.server.fastmcp import Context, FastMCP\n"
        " \n"
        " mcp = FastMCP(\"Demo\")\n"
        " \n"
        "-async def _audit(action: str) -> None:\n"
        "-    ctx = mcp.get_context()\n"
        "+async def _audit(action: str, ctx: Context) -> None:\n"
        "     await ctx.info(action)\n"
        " \n"
        " @mcp.tool()\n"
        "-async def drop(name: str) -> str:\n"
        "-    await _audit(\"d\")\n"
        "+async def drop(name: str, ctx: Context) -> str:\n"
        "+    await _audit(\"d\", ctx=ctx)\n"
        "     return name\n"
        " \n"
        " @mcp.tool()\n"
        " async def move(name: str, context: Context) -> str:\n"
        "-    await _audit(\"m\")\n"
        "+    await _audit(\"m\", ctx=context)\n"
        "     return name\n",
        findings=["SRV008:6 safe"],
    ),
    # ... also called from outside a handler: the context cannot be passed down there
    case(
        " from mcp.server.fastmcp import FastMCP\n"
        " \n"
        " mcp = FastMCP(\"Demo\")\n"
        " \n"
        " def _session():\n"
        "+    # mcp-migrate: SRV008 `get_context()` was removed: declare a `ctx: Context` parameter on the tool/resource/prompt "
        "function and pass it to helpers that need it https://py.sdk.modelcontextprotocol.io/v2/migration/#mcpserverget_context-removed\n"
        "     return mcp.get_context().session\n"
        " \n"
        " @mcp.tool()\n"
        " def ping() -> str:\n"
        "     return str(_session())\n"
        " \n"
        " def debug():\n"
        "     return _session()\n",
        findings=["SRV008:6 manual"],
    ),
    # a server declared `FastMCP[AppState]`: v1's `get_context()` was typed with that state, so the
    # tool's parameter is `Context[AppState]` (a prompt keeps a bare `Context`, see SRV031)
    case(
        " from mcp.server.fastmcp import FastMCP\n"
        " from app.state import AppState\n"
        "+from mcp.server.mcpserver import Context\n"
        " \n"
        " def register(mcp: FastMCP[AppState]) -> None:\n"
        "     @mcp.tool()\n"
        "-    def export(fmt: str = 'csv') -> str:\n"
        "-        ctx = mcp.get_context()\n"
        "+    def export(fmt: str = 'csv', *, ctx: Context[AppState]) -> str:\n"
        "         return ctx.request_context.lifespan_context.name + fmt\n"
        " \n"
        "     @mcp.prompt()\n"
        "-    def greet() -> str:\n"
        "-        ctx = mcp.get_context()\n"
        "+    def greet(ctx: Context) -> str:\n"
        "         return ctx.request_id\n",
        findings=["SRV008:7 safe", "SRV008:12 safe"],
    ),
]

NOOP = [
    # a subclass with its own `get_context`, and a class that is not the server
    "from mcp.server.fastmcp import FastMCP\n\nclass App(FastMCP):\n    def get_context(self):\n        return 1\n"
    "    def f(self):\n        return self.get_context()\n",
    "class App:\n    def f(self):\n        return self.get_context()\n",
    "from fastmcp import FastMCP\nmcp = FastMCP('d')\nctx = mcp.get_context()\n",
    "from fastmcp import FastMCP\nmcp = FastMCP('d')\n\n@mcp.tool()\ndef t():\n    ctx = mcp.get_context()\n",
    "import mcp\nctx = mcp.get_context()\n",
    "from mcp.server.mcpserver import MCPServer, Context\n"
    "mcp = MCPServer('d')\n"
    "\n"
    "@mcp.tool()\n"
    "async def t(ctx: Context) -> str:\n"
    "    return ''\n",
]
