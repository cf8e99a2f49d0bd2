"""SRV031: `Context` type parameters: the lifespan state's type

Rule: engine/mcp_migrate/rules/srv031_lifespan_context_type.py. Table format: engine/tests/tables/__init__.py.
"""

from . import case

SERVER = (
    " from collections.abc import AsyncIterator\n"
    " from contextlib import asynccontextmanager\n"
    " from mcp.server.fastmcp import Context, FastMCP\n"
    " from .state import State\n"
    " \n"
    " @asynccontextmanager\n"
    " async def lifespan(server: FastMCP) -> AsyncIterator[State]:\n"
    "     yield State()\n"
    " \n"
    " mcp = FastMCP('demo', lifespan=lifespan)\n"
    " \n"
)
# a server whose lifespan (and so its state type) lives in another module, which this file cannot name
OTHER_LIFESPAN = (
    " from mcp.server.fastmcp import Context, FastMCP\n"
    " from .life import lifespan\n"
    " \n"
    " mcp = FastMCP('demo', lifespan=lifespan)\n"
    " \n"
)
SERVER_CAST = SERVER.replace(" from .state import State\n", " from .state import State\n+from typing import cast\n")
MARK = (
    "# mcp-migrate: SRV031 v2's bare `Context` types `lifespan_context` as `dict[str, Any]` (type checkers flag "
    "this read): annotate the tool's parameter `Context[YourLifespanState]`; on prompt and resource-template "
    "handlers keep bare `Context` and use `typing.cast(YourLifespanState, ...)` "
    "https://py.sdk.modelcontextprotocol.io/v2/migration/#requestcontext-type-parameters-simplified\n"
)

CASES = [
    case(
        SERVER + " @mcp.tool()\n"
        "-async def lookup(ctx: Context, key: str) -> str:\n"
        "+async def lookup(ctx: Context[State], key: str) -> str:\n"
        "     return str(ctx.request_context.lifespan_context.db.get(key))\n",
        findings=["SRV031:13 safe"],
    ),
    # a prompt keeps bare `Context` (the guide: a parametrized one breaks there), so the state it
    # binds to a local, or each state it reads, is cast to the server's state type
    case(
        SERVER_CAST + " @mcp.prompt()\n"
        " def hello(ctx: Context) -> str:\n"
        "-    state = ctx.request_context.lifespan_context\n"
        "+    state = cast(State, ctx.request_context.lifespan_context)\n"
        "     return state.greeting + state.name\n",
        findings=["SRV031:14 safe"],
    ),
    case(
        SERVER_CAST + " @mcp.prompt()\n"
        " def hello(ctx: Context) -> str:\n"
        "-    return ctx.request_context.lifespan_context.greeting\n"
        "+    return cast(State, ctx.request_context.lifespan_context).greeting\n",
        findings=["SRV031:14 safe"],
    ),
    # ... also the state read straight off `mcp.get_context()` (SRV008 then puts the handler's `ctx` there)
    case(
        SERVER_CAST + " @mcp.prompt()\n"
        " def hello() -> str:\n"
        "-    state = mcp.get_context().request_context.lifespan_context\n"
        "+    state = cast(State, mcp.get_context().request_context.lifespan_context)\n"
        "     return state.greeting\n",
        findings=["SRV031:14 safe"],
    ),
    # ... marked when the file binds `cast` to something else, or the state's type is not known
    case(
        SERVER + " cast = print\n"
        " \n"
        " @mcp.prompt()\n"
        " def hello(ctx: Context) -> str:\n"
        "+    " + MARK + "     return ctx.request_context.lifespan_context.greeting\n",
        findings=["SRV031:16 manual"],
    ),
    case(
        OTHER_LIFESPAN + " @mcp.prompt()\n"
        " def hello(ctx: Context) -> str:\n"
        "     state = ctx.request_context.lifespan_context\n"
        "+    " + MARK + "     return state.greeting\n",
        findings=["SRV031:9 manual"],
    ),
    # the lifespan lives in another module: the file cannot name its state type
    case(
        OTHER_LIFESPAN + " @mcp.tool()\n"
        " async def t(ctx: Context) -> str:\n"
        "+    " + MARK + "     return ctx.request_context.lifespan_context.name\n",
        findings=["SRV031:8 manual"],
    ),
    # ... unless the server is declared `FastMCP[State]`, which names the lifespan's type
    case(
        " from mcp.server.fastmcp import Context, FastMCP\n"
        " from .life import State, lifespan\n"
        " \n"
        " mcp: FastMCP[State] = FastMCP('demo', lifespan=lifespan)\n"
        " \n"
        " @mcp.tool()\n"
        "-async def t(ctx: Context) -> str:\n"
        "+async def t(ctx: Context[State]) -> str:\n"
        "     return ctx.request_context.lifespan_context.name\n",
        findings=["SRV031:7 safe"],
    ),
    # a context from `mcp.get_context()` (SRV008 turns it into a bare `ctx: Context` parameter)
    case(
        SERVER_CAST + " @mcp.resource('tickets://{ticket_id}')\n"
        " async def ticket(ticket_id: str) -> str:\n"
        "     ctx = mcp.get_context()\n"
        "-    return await ctx.request_context.lifespan_context.api.get(ticket_id)\n"
        "+    return await cast(State, ctx.request_context.lifespan_context).api.get(ticket_id)\n",
        findings=["SRV031:15 safe"],
    ),
]

NOOP = [
    # already parametrized, or no lifespan state read
    SERVER.replace("\n ", "\n").lstrip(" ")
    + "@mcp.tool()\nasync def t(ctx: Context[State]) -> str:\n    return ctx.request_context.lifespan_context.db\n",
    SERVER.replace("\n ", "\n").lstrip(" ")
    + "@mcp.tool()\nasync def t(ctx: Context) -> str:\n    return ctx.request_id\n",
    # the separate fastmcp package
    "from fastmcp import Context, FastMCP\nmcp = FastMCP('x')\n\n@mcp.tool()\n"
    "async def t(ctx: Context) -> str:\n    return ctx.request_context.lifespan_context.db\n",
]
