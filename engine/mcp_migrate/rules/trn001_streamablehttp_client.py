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
        in an `async with`, a fix (review when a timeout is not a number written in the call, or a
        factory builds the client) opens the client v1 built inside in the same statement,
        `httpx2.AsyncClient(headers=..., timeout=httpx2.Timeout(30, read=300), auth=...,
        follow_redirects=True) as http_client` (or the given factory, called the same way), and passes
        it as `http_client=`; elsewhere (or with a `timedelta` timeout) a marker.
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
    block. (edits, fix class), None when the call is not a `with` item or an argument cannot be moved
    as written. The guide's own rewrite, safe when the timeouts are numbers written in the call: a
    name might hold a `timedelta`, and a factory's client is the user's, not an `httpx2` one."""
    item = ctx.parent(call)
    if (
        not isinstance(item, ast.withitem)
        or not isinstance(ctx.parent(item), (ast.With, ast.AsyncWith))
        or len(call.args) > len(V1_POSITIONAL)
        or (call.args and ctx.keyword(call, "url") is not None)
        or any(isinstance(a, ast.Starred) for a in call.args)
        or any(k.arg is None or k.arg == "http_client" for k in call.keywords)
    ):
        return None
    # v1's parameters by position or keyword; the URL (and terminate_on_close) stay on the call.
    streams = item.optional_vars
    if (
        isinstance(streams, (ast.Tuple, ast.List))
        and len(streams.elts) == 3
        and not (isinstance(streams.elts[2], ast.Name) and not ctx.is_read(streams.elts[2]))
    ):
        return None  # TRN002 cannot drop a used `get_session_id`: the v2 call would not unpack
    given = {k.arg: k for k in call.keywords if k.arg in CLIENT_MOVED}
    for name, arg in zip(V1_POSITIONAL[1:], call.args[1:]):
        if name == "terminate_on_close" or name in given:
            return None  # keeping it would need it spelled as a keyword; rare enough to leave by hand
        given[name] = arg
    given = {k: (v.value if isinstance(v, ast.keyword) else v) for k, v in given.items()}
    moved_nodes = [k for k in call.keywords if k.arg in CLIENT_MOVED] + list(call.args[1:])
    for name in ("timeout", "sse_read_timeout"):
        if name in given and not _seconds(ctx, given[name]):
            return None  # a `timedelta` (v1 took both): `httpx2.Timeout` wants seconds
    client = ctx.fresh_name("http_client", "mcp_http_client")
    if client is None:
        return None
    src = {k: ctx.source(v) for k, v in given.items()}
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
    edits = [ctx.insert(ctx.span(call)[0], "%s as %s, " % (opened, client))] + removal + [add] + ([imp] if imp else [])
    literal = all(isinstance(given[n], ast.Constant) for n in ("timeout", "sse_read_timeout") if n in given)
    return edits, "safe" if literal and "httpx_client_factory" not in given else "review"


def _seconds(ctx, value):
    """A value `httpx2.Timeout` takes as written: a number, or a name/attribute/call the file does
    not show to be a `timedelta`."""
    if isinstance(value, ast.Constant):
        return isinstance(value.value, (int, float)) and not isinstance(value.value, bool)
    if isinstance(value, ast.Call) and ctx.is_ref(value.func, "datetime.timedelta"):
        return False
    return ctx.instance_of(value) != "datetime.timedelta"
