import ast

from .. import sdk
from ..context import PythonContext
from ..framework import rule

ANCHOR = "get_session_id-callback-removed-from-streamable_http_client"
CALLBACK = sdk.STREAMABLE_HTTP + ".GetSessionIdCallback"
GONE = "`GetSessionIdCallback` is gone: use `Callable[[], str | None]` or drop the annotation"
HOOK = (
    "capture the `mcp-session-id` response header with an `httpx2.AsyncClient(event_hooks={\"response\": "
    "[hook]})` passed as `http_client=`"
)


@rule(
    code="TRN002",
    title="`get_session_id` callback removed from `streamable_http_client`",
    anchor=ANCHOR,
    fix_class="safe",
    summary="""
        `streamable_http_client` yields `(read, write)` in v2: drops an unused third target from
        `async with streamable_http_client(...) as (read, write, get_session_id)` (also through
        `enter_async_context`, of the call or of a name every assignment binds to one, `async with` of
        such a name, and
        `read, write, _ = streams` after `as streams:`). Spells the
        removed `GetSessionIdCallback` alias out as v1 defined it, `Callable[[], Optional[str]]`. A
        third target that is used gets a marker (TRN001 keeps it when the call's `headers=`, `timeout=`,
        ... move to an httpx2 client), as does `StreamableHTTPTransport.get_session_id()`.
    """,
    why="""
        `ValueError: not enough values to unpack (expected 3, got 2)` when entering the context.
    """,
    example="""
         from mcp import ClientSession
         from mcp.client.streamable_http import streamable_http_client


         async def main(url: str) -> None:
        -    async with streamable_http_client(url) as (read_stream, write_stream, _):
        +    async with streamable_http_client(url) as (read_stream, write_stream):
                 async with ClientSession(read_stream, write_stream) as session:
                     await session.initialize()
    """,
    v1_names=list(sdk.STREAMABLE_HTTP_CLIENTS)
    + [sdk.STREAMABLE_HTTP + ".GetSessionIdCallback", sdk.STREAMABLE_HTTP_TRANSPORT + ".get_session_id"],
    v2_names=[sdk.STREAMABLE_HTTP_CLIENT],
)
def check(ctx: PythonContext):
    for target, call in _targets(ctx):
        third = target.elts[2]
        if isinstance(third, ast.Name) and not ctx.is_read(third):
            ctx.fix(
                third,
                "`streamable_http_client` yields `(read, write)` in v2",
                [ctx.delete((ctx.span(target.elts[1])[1], ctx.span(third)[1]))],
            )
        elif call is None or not sdk.builds_own_http_client(call):  # else TRN001 moves it with the client
            ctx.manual(
                third,
                "`streamable_http_client` yields `(read, write)`: the `get_session_id` callback is gone; %s" % HOOK,
            )
    aliases = ctx.import_aliases(CALLBACK)
    for alias in aliases:
        edits = _define_locally(ctx, alias)
        if edits:
            ctx.fix(
                alias,
                "`GetSessionIdCallback` is gone from `mcp.client.streamable_http`: spelled out as v1 "
                "defined it, `Callable[[], Optional[str]]`",
                edits,
            )
        else:
            ctx.manual(alias, GONE)
    imported = {id(n) for a in aliases for n in ctx.bound_names(a)}
    for node in ctx.references(CALLBACK):
        if id(node) not in imported:  # `streamable_http.GetSessionIdCallback`
            ctx.manual(node, GONE)
    for call in ctx.method_calls(sdk.STREAMABLE_HTTP_TRANSPORT, "get_session_id"):
        ctx.manual(call, "`StreamableHTTPTransport.get_session_id()` is gone; %s" % HOOK)


def _define_locally(ctx, alias):
    """Edits spelling each use of the imported `GetSessionIdCallback` as v1 defined it,
    `Callable[[], Optional[str]]`, and dropping the import; None when that cannot be done."""
    typing, first = [], len(ctx.text)
    for name in ("Callable", "Optional"):
        b = ctx.module_binding(name)
        if b is None:
            imp = ctx.add_import("typing", name)
            if imp is not None:
                typing.append(imp)
                first = min(first, imp.start)
        elif not (b.kind == "import" and b.target in ("typing." + name, "collections.abc.Callable")):
            return None
    uses = ctx.bound_names(alias)
    if any(ctx.span(n)[0] < first for n in uses):
        return None  # used before the typing import could be
    removal = ctx.drop_import_alias(alias)
    if removal is None:
        return None
    return [removal] + [ctx.replace(n, "Callable[[], Optional[str]]") for n in uses] + typing


def _targets(ctx):
    """(3-tuple target, the client call it unpacks directly or None when through a variable)."""
    out = []
    for w in ctx.walk(ast.With, ast.AsyncWith):
        for item in w.items:
            if _is_client(ctx, item.context_expr) and _triple(item.optional_vars):
                out.append((item.optional_vars, item.context_expr))
            elif _client_name(ctx, item.context_expr) and _triple(item.optional_vars):  # `async with cm as ...`
                out.append((item.optional_vars, None))
    for a in ctx.walk(ast.Assign):
        if len(a.targets) != 1 or not _triple(a.targets[0]):
            continue
        entered = _entered_client(ctx, a.value)
        if entered is not None:
            out.append((a.targets[0], entered))
        elif _entered_name(ctx, a.value):
            out.append((a.targets[0], None))
        elif isinstance(a.value, ast.Name):  # `as streams:` then `read, write, _ = streams`
            b = ctx.binding(a.value)
            if (
                b is not None
                and b.how == "call"
                and b.node is not a
                and ((isinstance(b.node, ast.withitem) and _is_client(ctx, b.expr)) or _entered_client(ctx, b.expr))
            ):
                out.append((a.targets[0], None))
    return out


def _entered(value):
    """What `await stack.enter_async_context(x)` enters, else None."""
    v = value.value if isinstance(value, ast.Await) else value
    if isinstance(v, ast.Call) and isinstance(v.func, ast.Attribute) and v.func.attr == "enter_async_context":
        return v.args[0] if len(v.args) == 1 else None
    return None


def _entered_client(ctx, value):
    """The client call of `await stack.enter_async_context(streamable_http_client(...))`, else None."""
    arg = _entered(value)
    return arg if _is_client(ctx, arg) else None


def _entered_name(ctx, value):
    """`await stack.enter_async_context(cm)`, `cm` a `_client_name`."""
    return _client_name(ctx, _entered(value))


def _client_name(ctx, arg):
    """A name every assignment of its function (or module) binds to a client call."""
    if not isinstance(arg, ast.Name):
        return False
    stores = ctx.stores(arg.id, ctx.enclosing(arg, ast.FunctionDef, ast.AsyncFunctionDef) or ctx.tree)
    return bool(stores) and all(
        isinstance(a, ast.Assign) and a.targets == [n] and _is_client(ctx, a.value)
        for n in stores
        for a in [ctx.parent(n)]
    )


def _is_client(ctx, e):
    return isinstance(e, ast.Call) and ctx.is_ref(e.func, *sdk.STREAMABLE_HTTP_CLIENTS)


def _triple(t):
    return (
        isinstance(t, (ast.Tuple, ast.List))
        and len(t.elts) == 3
        and not any(isinstance(e, ast.Starred) for e in t.elts)
    )
