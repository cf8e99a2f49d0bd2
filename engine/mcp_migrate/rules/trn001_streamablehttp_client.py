import ast

from .. import sdk
from ..context import PythonContext
from ..framework import rule

ANCHOR = "streamablehttp_client-removed"
# v1 `streamablehttp_client` parameters in order
V1_POSITIONAL = ("url", "headers", "timeout", "sse_read_timeout", "terminate_on_close", "httpx_client_factory", "auth")
CLIENT_MOVED = ("headers", "timeout", "sse_read_timeout", "auth", "httpx_client_factory")
HOW = (
    "build an `httpx2.AsyncClient(headers=..., timeout=httpx2.Timeout(30, read=300), auth=..., "
    "follow_redirects=True)`, pass it as `http_client=` and close it (`async with http_client:`)"
)


@rule(
    code="TRN001",
    title="`streamablehttp_client` removed",
    anchor=ANCHOR,
    fix_class="safe",
    summary="""
        Renames `streamablehttp_client` to `streamable_http_client` (imports, references, patch targets).
        Calls passing `headers=`, `timeout=`, `sse_read_timeout=`, `auth=` or `httpx_client_factory=`:
        in an `async with` (or entered with `await stack.enter_async_context(...)`), a fix opens the
        client v1 built inside, `httpx2.AsyncClient(headers=..., timeout=httpx2.Timeout(30, read=300),
        auth=..., follow_redirects=True)` (or the given factory, called the same way), in the same
        statement (on the same stack, just before) and passes it as `http_client=`; `timedelta`
        timeouts become seconds as v1 did. Review when a timeout is a value the file does not show,
        or a factory builds the client; elsewhere a marker.
    """,
    why="""
        `ImportError: cannot import name 'streamablehttp_client' from 'mcp.client.streamable_http'`;
        the new function takes only `url`, `http_client=` and `terminate_on_close=`.
    """,
    example="""
         from mcp import ClientSession
        -from mcp.client.streamable_http import streamablehttp_client
        +from mcp.client.streamable_http import streamable_http_client


         async def main(url: str) -> None:
        -    async with streamablehttp_client(url) as (read, write, _):
        +    async with streamable_http_client(url) as (read, write, _):
                 async with ClientSession(read, write) as session:
                     await session.initialize()
    """,
    v1_names=[sdk.STREAMABLEHTTP_CLIENT] + [sdk.STREAMABLEHTTP_CLIENT + "(%s)" % k for k in CLIENT_MOVED],
    v2_names=[sdk.STREAMABLE_HTTP_CLIENT, sdk.STREAMABLE_HTTP_CLIENT + "(http_client)"],
)
def check(ctx: PythonContext):
    for call in ctx.calls(*sdk.STREAMABLE_HTTP_CLIENTS):
        moved = [k.arg for k in call.keywords if k.arg in CLIENT_MOVED]
        if len(call.args) > 1 or moved or any(k.arg is None for k in call.keywords):
            names = ", ".join("`%s=`" % m for m in moved) or "the extra arguments"
            msg = "`streamable_http_client()` takes only `url`, `http_client=`, `terminate_on_close=`: for %s %s" % (
                names,
                HOW,
            )
            own = _own_client(ctx, call)
            if own:
                ctx.fix(call, msg, own[0], fix_class=own[1])
            else:
                ctx.manual(call, msg)
    ctx.rename_symbol(
        sdk.STREAMABLEHTTP_CLIENT, "streamable_http_client", "`streamablehttp_client` is `streamable_http_client` in v2"
    )


def _own_client(ctx, call):
    """`async with streamablehttp_client(url, headers=h, timeout=t, auth=a) as streams:` ->
    `async with httpx2.AsyncClient(headers=h, timeout=httpx2.Timeout(t, read=300), auth=a,
    follow_redirects=True) as http_client, streamable_http_client(url, http_client=http_client) as streams:`,
    the client v1 built inside (a `httpx_client_factory` is called the same way), closed with the
    block; `streams = await stack.enter_async_context(streamablehttp_client(...))` -> the client
    entered on the same stack just before. (edits, fix class), None when the call is in neither
    place or an argument cannot be moved as written. The guide's own rewrite, safe when the
    timeouts are numbers or timedeltas the file shows (converted as v1 did): a name might hold
    either, and a factory's client is the user's, not an `httpx2` one."""
    place = _with_item(ctx, call) or _stack_entry(ctx, call)
    if (
        place is None
        or len(call.args) > len(V1_POSITIONAL)
        or (call.args and ctx.keyword(call, "url") is not None)
        or any(isinstance(a, ast.Starred) for a in call.args)
        or any(k.arg is None or k.arg == "http_client" for k in call.keywords)
    ):
        return None
    streams, opening = place
    if (
        isinstance(streams, (ast.Tuple, ast.List))
        and len(streams.elts) == 3
        and not (isinstance(streams.elts[2], ast.Name) and not ctx.is_read(streams.elts[2]))
    ):
        return None  # TRN002 cannot drop a used `get_session_id`: the v2 call would not unpack
    # v1's parameters by position or keyword; the URL (and terminate_on_close) stay on the call.
    given = {k.arg: k for k in call.keywords if k.arg in CLIENT_MOVED}
    for name, arg in zip(V1_POSITIONAL[1:], call.args[1:]):
        if name == "terminate_on_close" or name in given:
            return None  # keeping it would need it spelled as a keyword; rare enough to leave by hand
        given[name] = arg
    given = {k: (v.value if isinstance(v, ast.keyword) else v) for k, v in given.items()}
    moved_nodes = [k for k in call.keywords if k.arg in CLIENT_MOVED] + list(call.args[1:])
    src = {k: ctx.source(v) for k, v in given.items()}
    exact = "httpx_client_factory" not in given
    for name in ("timeout", "sse_read_timeout"):
        if name not in given:
            continue
        seconds = _seconds(ctx, given[name])
        if seconds is None:
            return None  # a string, a bool: not what v1 took
        src[name], exact = seconds[0], exact and seconds[1]
    client = ctx.fresh_name("http_client", "mcp_http_client")
    if client is None:
        return None
    timeout = "httpx2.Timeout(%s, read=%s)" % (src.get("timeout", "30"), src.get("sse_read_timeout", "300"))
    parts = (
        (["headers=%s" % src["headers"]] if "headers" in src else [])
        + ["timeout=%s" % timeout]
        + (["auth=%s" % src["auth"]] if "auth" in src else [])
    )
    if "httpx_client_factory" in src:
        opened = "%s(%s)" % (src["httpx_client_factory"], ", ".join(parts))
    else:
        opened = "httpx2.AsyncClient(%s)" % ", ".join(parts + ["follow_redirects=True"])
    removal = ctx.remove_args(call, moved_nodes)
    add = ctx.add_kwargs(call, "http_client=%s" % client)
    if removal is None or add is None:
        return None
    imp = ctx.add_import("httpx2")
    edits = [opening(opened, client)] + removal + [add] + ([imp] if imp else [])
    return edits, "safe" if exact else "review"


def _with_item(ctx, call):
    """(what `as` binds, how to open the client) for `async with streamablehttp_client(...) as x:`."""
    item = ctx.parent(call)
    if not isinstance(item, ast.withitem) or not isinstance(ctx.parent(item), (ast.With, ast.AsyncWith)):
        return None
    return item.optional_vars, lambda opened, client: ctx.insert(ctx.span(call)[0], "%s as %s, " % (opened, client))


def _stack_entry(ctx, call):
    """(the assignment's target, how to open the client) for `x = await stack.enter_async_context(
    streamablehttp_client(...))` on a line of its own, the stack a name or attribute chain."""
    enter = ctx.parent(call)
    awaited = ctx.parent(enter)
    stmt = ctx.parent(awaited)
    if not (
        isinstance(enter, ast.Call)
        and isinstance(enter.func, ast.Attribute)
        and enter.func.attr == "enter_async_context"
        and enter.args == [call]
        and not enter.keywords
        and ctx.dotted(enter.func.value) is not None
        and isinstance(awaited, ast.Await)
        and isinstance(stmt, ast.Assign)
        and len(stmt.targets) == 1
    ):
        return None
    line = ctx.index.line_start(stmt.lineno)
    indent = ctx.text[line : ctx.span(stmt)[0]]
    if indent.strip():
        return None  # `a = 1; x = await ...`
    stack = ctx.source(enter.func.value)

    def opening(opened, client):
        return ctx.insert(line, "%s%s = await %s.enter_async_context(%s)\n" % (indent, client, stack, opened))

    return stmt.targets[0], opening


def _seconds(ctx, value):
    """(the seconds `httpx2.Timeout` takes, as source; whether that is exactly what v1 used) for a
    timeout argument: a number as written, a timedelta the file shows converted as v1 did
    (`.total_seconds()`), any other name or call as written (it may hold a timedelta: review);
    None for a value v1 did not take."""
    if isinstance(value, ast.Constant):
        number = isinstance(value.value, (int, float)) and not isinstance(value.value, bool)
        return (ctx.source(value), True) if number or value.value is None else None
    text = ctx.seconds_text(value)
    if text is not None:
        return text, True
    if ctx.instance_of(value) == "datetime.timedelta":
        return None  # a timedelta on some paths only
    return ctx.source(value), False
