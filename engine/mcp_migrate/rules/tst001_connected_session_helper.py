import ast

from .. import sdk
from ..context import PythonContext
from ..framework import rule

HELPER = sdk.CONNECTED_SESSION_HELPER
MSG = (
    "`create_connected_server_and_client_session` was removed: use `async with Client(server, "
    "mode=\"legacy\") as client:` (from `mcp.client`); its `ClientSession` is `client.session`"
)


SHIM_MSG = (
    "`create_connected_server_and_client_session` was removed, and this file hands it on (a factory, "
    "`enter_async_context`): it calls a local helper with v1's contract instead, an initialized "
    "`ClientSession` from v2's in-memory `Client(server, mode=\"legacy\")`"
)
SHIM = (
    "@asynccontextmanager\n"
    "async def {name}(server, **kwargs):\n"
    '    """v1\'s `create_connected_server_and_client_session`: an initialized `ClientSession` on v2\'s\n'
    '    in-memory `Client` (`mode="legacy"` keeps v1\'s handshake)."""\n'
    '    async with {client}(server, mode="legacy", **kwargs) as client:\n'
    "        yield client.session\n"
)
STREAMS = "mcp.shared.memory.create_client_server_memory_streams"
ANYIO_ONLY = ("send_nowait", "receive_nowait", "statistics")


@rule(
    code="TST001",
    title="`create_connected_server_and_client_session` removed",
    anchor="create_connected_server_and_client_session-removed",
    fix_class="safe",
    summary="""
        Replaces `async with create_connected_server_and_client_session(server, ...) as session:`
        with `async with Client(server, ..., mode="legacy") as client:` (from `mcp.client`) and binds
        `session = client.session` first thing in the block, keeping the callbacks and
        `raise_exceptions`. `mode="legacy"` keeps v1's initialize handshake over in-memory JSON-RPC
        (server-initiated sampling / elicitation / roots keep working), and the block goes on using
        the same initialized `ClientSession` API as before. A file that hands the helper on (a
        session factory, `stack.enter_async_context(...)`) gets a local helper with v1's contract on
        `Client` instead (review); other uses get a marker, as do `send_nowait()` / `receive_nowait()` / `statistics()` on the streams
        `create_client_server_memory_streams()` yields (context-propagating wrappers in v2).
    """,
    why="""
        The helper is gone: `ImportError: cannot import name
        'create_connected_server_and_client_session' from 'mcp.shared.memory'`. `Client` is not a
        `ClientSession` (no `initialize()`/`send_request()`, `cursor=` list methods), so the block
        keeps the session the `Client` holds.
    """,
    example="""
         from mcp.server.fastmcp import FastMCP
        -from mcp.shared.memory import create_connected_server_and_client_session
        +from mcp.client import Client

         server = FastMCP("test")


         async def test_tool() -> None:
        -    async with create_connected_server_and_client_session(server) as session:
        +    async with Client(server, mode="legacy") as client:
        +        session = client.session
                 await session.call_tool("my_tool", {"x": 1})
    """,
    v1_names=[HELPER, STREAMS],
    v2_names=["mcp.client.Client", "mcp.client.client.Client.mode"],
)
def check(ctx: PythonContext):
    _anyio_only_stream_methods(ctx)
    aliases = ctx.import_aliases(HELPER)
    calls = ctx.calls(HELPER)
    if not aliases and not calls:
        for call in _snippet_calls(ctx):
            ctx.manual(call, MSG)
        return
    edits = _plan(ctx, aliases, calls)
    if edits is not None:
        ctx.fix(aliases[0] if aliases else calls[0], MSG, edits)
        return
    shim = _shim_plan(ctx, aliases, calls)
    if shim is not None:
        ctx.fix(aliases[0], SHIM_MSG, shim, fix_class="review")
        return
    for target in aliases or calls:
        ctx.manual(target, MSG)


def _plan(ctx, aliases, calls):
    """Every edit of the file's migration, or None when one use of the helper cannot be rewritten:
    all of them go together (a half-done file imports a name that no longer exists)."""
    client = "Client" if ctx.fresh_name("Client") or _imports_client(ctx) else None
    if client is None:
        return None
    edits = []
    called = {id(c.func) for c in calls}
    for alias in aliases:
        if any(id(n) not in called for n in ctx.bound_names(alias)):
            return None  # the helper is passed around, not called: its callers expect a `ClientSession`
        node = ctx.import_of(alias)
        if not calls:  # imported, never used: drop it
            removal = ctx.drop_import_alias(alias)
            if removal is None:
                return None
            edits.append(removal)
        elif len(node.names) == 1:
            edits.append(ctx.replace(node, "from mcp.client import Client"))
        else:
            removal = ctx.drop_import_alias(alias)
            if removal is None:
                return None
            add = ctx.add_import("mcp.client", "Client")
            edits += [removal] + ([add] if add else [])
    names = {}  # with statement -> the names its Clients got
    for call in calls:
        found = _with_item(ctx, call)
        if found is None:
            return None
        item, first = found
        target = item.optional_vars.id
        stmt = ctx.parent(item)
        # One name for every block, another inside a block that already has it, and one per item of a
        # statement that opens several (`as alpha_session, ... as beta_session` -> `alpha_client`, ...).
        taken = set().union(*(names.get(id(w), ()) for w in (stmt, *_enclosing_withs(ctx, item))))
        own = [target.replace("session", "client")] if len(stmt.items) > 1 and "session" in target else []
        name = ctx.fresh_name(*[c for c in own + ["client", "mcp_client", "mcp_client_"] if c not in taken])
        if name is None:
            return None
        names.setdefault(id(stmt), set()).add(name)
        edits.append(ctx.replace(call.func, client))
        if ctx.keyword(call, "mode") is None:
            add = ctx.add_kwargs(call, 'mode="legacy"')
            if add is None:
                return None
            edits.append(add)
        edits.append(ctx.replace(item.optional_vars, name))
        line = ctx.index.line_start(first.lineno)
        indent = ctx.text[line : ctx.span(first)[0]]
        edits.append(ctx.insert(line, "%s%s = %s.session\n" % (indent, target, name)))
    return edits


def _shim_plan(ctx, aliases, calls):
    """Edits defining a local helper with v1's contract and pointing every use of the imported one at
    it, or None: each call passes the server alone positionally (`Client`'s other parameters are
    keyword-only, with v1's names), a `timedelta` read timeout becomes seconds."""
    if len(aliases) != 1 or aliases[0].asname or ctx.parent(ctx.import_of(aliases[0])) is not ctx.tree:
        return None
    name = ctx.fresh_name("connected_session", "mcp_connected_session")
    client = "Client" if ctx.fresh_name("Client") or _imports_client(ctx) else None
    manager = ctx.module_binding("asynccontextmanager")
    if name is None or client is None or not (manager is None or manager.target == "contextlib.asynccontextmanager"):
        return None
    edits = []
    for call in calls:
        if len(call.args) != 1 or isinstance(call.args[0], ast.Starred):
            return None
        timeout = ctx.keyword(call, "read_timeout_seconds")
        seconds = ctx.seconds_text(timeout.value) if timeout is not None else None
        if seconds is not None:
            edits.append(ctx.replace(timeout.value, seconds))
    removal = ctx.drop_import_alias(aliases[0])
    if removal is None:
        return None
    edits += [removal] + [ctx.replace(n, name) for n in ctx.bound_names(aliases[0])]
    edits += [
        e for e in (ctx.add_import("contextlib", "asynccontextmanager"), ctx.add_import("mcp.client", "Client")) if e
    ]
    edits.append(ctx.after_imports(SHIM.format(name=name, client=client)))
    return edits


def _enclosing_withs(ctx, item):
    """The `with` statements around the one `item` belongs to."""
    p = ctx.parent(ctx.parent(item))
    while p is not None:
        if isinstance(p, (ast.With, ast.AsyncWith)):
            yield p
        p = ctx.parent(p)


def _imports_client(ctx):
    return any(a.name == "Client" and not a.asname for a in ctx.import_aliases("mcp.client.Client"))


def _with_item(ctx, call):
    """(with item, first body statement) for `async with helper(...) as name:` whose body starts on
    a line of its own, else None."""
    item = ctx.parent(call)
    stmt = ctx.parent(item)
    if (
        not isinstance(item, ast.withitem)
        or not isinstance(stmt, (ast.AsyncWith, ast.With))
        or not isinstance(item.optional_vars, ast.Name)
    ):
        return None
    first = stmt.body[0]
    line = ctx.index.line_start(first.lineno)
    if ctx.text[line : ctx.span(first)[0]].strip() or first.lineno == stmt.lineno:
        return None
    return item, first


def _snippet_calls(ctx):
    """The guide's fragments call the helper without importing it."""
    return [
        c
        for c in ctx.walk(ast.Call)
        if isinstance(c.func, ast.Name)
        and c.func.id == "create_connected_server_and_client_session"
        and ctx.binding(c.func) is None
    ]


def _anyio_only_stream_methods(ctx):
    """`send_nowait()` / `receive_nowait()` / `statistics()` on the streams
    `create_client_server_memory_streams()` yields (followed through unpacking and `self.x = ...`):
    v2 yields context-propagating wrappers without them."""
    names = set()
    for call in ctx.calls(STREAMS):
        item = ctx.parent(call)
        if isinstance(item, ast.withitem) and item.optional_vars is not None:
            names |= {ctx.dotted(n) for n in ast.walk(item.optional_vars) if isinstance(n, ast.Name)}
    if not names:
        return
    grew = True
    while grew:  # `client_read, client_write = client_streams`, `self.client_write = client_write`
        grew = False
        for a in ctx.walk(ast.Assign):
            if ctx.dotted(a.value) in names or (
                isinstance(a.value, ast.Subscript) and ctx.dotted(a.value.value) in names
            ):
                for t in a.targets:
                    for n in ast.walk(t):
                        key = ctx.dotted(n) if isinstance(n, (ast.Name, ast.Attribute)) else None
                        if key and key not in names and isinstance(getattr(n, "ctx", None), ast.Store):
                            names.add(key)
                            grew = True
    for call in ctx.attr_calls(*ANYIO_ONLY):
        recv = call.func.value
        if ctx.dotted(recv.value if isinstance(recv, ast.Subscript) else recv) in names:
            ctx.manual(
                call,
                "`create_client_server_memory_streams()` yields context-propagating streams in v2: `%s()` is "
                "gone (anyio-only); use `await send(...)` / `await receive()`, or create plain "
                "`anyio.create_memory_object_stream` pairs" % call.func.attr,
            )
