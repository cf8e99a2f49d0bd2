import ast

from .. import sdk
from ..context import PythonContext
from ..framework import rule

HELPER = sdk.CONNECTED_SESSION_HELPER
MSG = ("`create_connected_server_and_client_session` was removed; `Client(server, mode=\"legacy\")` "
       "yields a `Client` (list methods take `cursor=`, the `ClientSession` is `client.session`)")


@rule(
    code="TST001",
    title="`create_connected_server_and_client_session` removed",
    anchor="create_connected_server_and_client_session-removed",
    fix_class="review",
    summary="""
        Replaces `create_connected_server_and_client_session(server, ...)` with
        `Client(server, ..., mode="legacy")` from `mcp.client`, keeping the callbacks and
        `raise_exceptions`. `mode="legacy"` keeps v1's initialize handshake over in-memory
        JSON-RPC, so server-initiated sampling / elicitation / roots keep working.
    """,
    why="""
        The helper is gone: `ImportError: cannot import name
        'create_connected_server_and_client_session' from 'mcp.shared.memory'`. Review: the object
        is now a `Client`, whose methods are close to but not the same as `ClientSession`'s.
    """,
    example="""
         from mcp.server.fastmcp import FastMCP
        -from mcp.shared.memory import create_connected_server_and_client_session
        +from mcp.client import Client

         server = FastMCP("test")


         async def test_tool() -> None:
        -    async with create_connected_server_and_client_session(server) as session:
        +    async with Client(server, mode="legacy") as session:
                 await session.call_tool("my_tool", {"x": 1})
    """,
    v1_names=[HELPER],
    v2_names=["mcp.client.Client", "mcp.client.client.Client.mode"],
)
def check(ctx: PythonContext):
    aliases = ctx.import_aliases(HELPER)
    calls = ctx.calls(HELPER)
    if not aliases and not calls:
        if _snippet_calls(ctx):
            for call in _snippet_calls(ctx):
                ctx.manual(call, MSG)
        return
    edits = []
    names = []
    for alias in aliases:
        node = ctx.import_of(alias)
        if alias.asname:
            edits = None
            break
        names += ctx.bound_names(alias)
        if len(node.names) == 1 and ctx.parent(node) is ctx.tree:
            edits.append(ctx.replace(node, "from mcp.client import Client"))
        else:
            removal = ctx.drop_import_alias(alias)
            add = ctx.add_import("mcp.client", "Client")
            if removal is None:
                edits = None
                break
            edits += [removal] + ([add] if add else [])
    called = {id(c.func) for c in calls}
    if edits is None or any(id(n) not in called for n in names) or len(names) != len(calls):
        for target in (aliases or calls):
            ctx.manual(target, MSG)
        return
    for call in calls:
        edits.append(ctx.replace(call.func, "Client"))
        if ctx.keyword(call, "mode") is None:
            add = ctx.add_kwargs(call, 'mode="legacy"')
            if add is None:
                ctx.manual(call, MSG)
                return
            edits.append(add)
    ctx.fix(aliases[0] if aliases else calls[0], MSG, edits)


def _snippet_calls(ctx):
    """The guide's fragments call the helper without importing it."""
    return [c for c in ctx.walk(ast.Call) if isinstance(c.func, ast.Name)
            and c.func.id == "create_connected_server_and_client_session" and ctx.binding(c.func) is None]
